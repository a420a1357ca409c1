// Keeps Tasklist's Complete button usable on Camunda Forms with dynamic lists.
//
// Tasklist 7.24 disables Complete whenever form-js reports a 'changed' state whose `errors`
// object has any key. The form-js bundled in lib/deps.js records the errors of a field inside a
// dynamic list under [fieldId, index] and, once the field is valid again, deletes only the index:
// `{ Field_lessons_title_0: [] }` stays behind, so after the first keystroke in a list the
// button stays disabled for good although no field is invalid (nothing is shown to the user).
//
// This script drops such empty entries before form-js stores its state. Real errors are kept
// as they are, and the server validates every submission anyway (FormGuard), so the only thing
// it changes is that a valid form can be completed.
//
// form-js is reached through the webpack chunk registry of the webapps: module 57661 of
// Camunda webapps 7.24.0 (the one Tasklist's form integration uses). If the module is not found
// (another webapps build), the script says so in the console and changes nothing; the browser
// test RetexRitualBrowserTest fails in that case.
const FORM_JS_MODULE = 57661;
const CHUNK_REGISTRY = 'webpackChunkcamunda_bpm_webapp';

function hasContent(value) {
  if (Array.isArray(value)) {
    return value.some(hasContent);
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value).some(hasContent);
  }
  return value !== undefined && value !== null;
}

function withoutEmptyEntries(errors) {
  const kept = {};
  Object.keys(errors).forEach((id) => {
    if (hasContent(errors[id])) {
      kept[id] = errors[id];
    }
  });
  return kept;
}

function patch(Form) {
  if (!Form || !Form.prototype || typeof Form.prototype._setState !== 'function') {
    console.warn('Public Reflexes: form-js not found, dynamic-list validity fix not applied');
    return;
  }
  if (Form.prototype._setState.dynamicListValidity) {
    return;
  }
  const setState = Form.prototype._setState;
  const patched = function (state) {
    if (state && state.errors) {
      state = Object.assign({}, state, { errors: withoutEmptyEntries(state.errors) });
    }
    return setState.call(this, state);
  };
  patched.dynamicListValidity = true;
  Form.prototype._setState = patched;
}

const registry = (self[CHUNK_REGISTRY] = self[CHUNK_REGISTRY] || []);
registry.push([['public-reflexes-dynamic-list-validity'], {}, (require) => {
  let formJs;
  try {
    formJs = require(FORM_JS_MODULE);
  } catch (e) {
    formJs = null;
  }
  patch(formJs && formJs.Form);
}]);

export default [];
