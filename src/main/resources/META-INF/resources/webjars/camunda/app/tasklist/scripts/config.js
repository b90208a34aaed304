// foiflow's Tasklist settings; this file replaces Camunda's own scripts/config.js (whose shortcuts it keeps).
export default {
  // after a request is logged from the start dialog, say its reference and due date and open its first task
  customScripts: ['foiflow/case-logged'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
