// Camunda welcome page configuration of Public Reflexes: a link to the HR dashboard
// (the page answers 403 to anyone outside hr and directors).
export default {
  links: [
    {
      label: 'HR dashboard',
      href: '/dashboard',
      description: 'Initiatives, relays, takeovers, reverse hotline, reassignments, retex and workload, for HR and directors'
    }
  ]
};
