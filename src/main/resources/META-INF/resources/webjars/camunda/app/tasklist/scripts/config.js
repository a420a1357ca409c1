// Camunda Tasklist configuration of Public Reflexes. It replaces the default config.js of the
// webapps jar (same path on the classpath, ours first) to load one custom script:
// dynamic-list-validity.js, which keeps the Complete button usable on forms with dynamic lists
// (see that file and docs/architecture.md, "Tasklist and dynamic lists").
// The keyboard shortcuts are Tasklist's defaults, kept as they were.
export default {
  customScripts: ['scripts/dynamic-list-validity.js'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
