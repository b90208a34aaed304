// foiflow's staff pages: every form a page posts carries the session's CSRF token, which the server hands the page
// in the FOIFLOW-XSRF-TOKEN cookie (org.foiflow.signin.StaffSignIn).
function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('FOIFLOW-XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('FOIFLOW-XSRF-TOKEN='.length)) : '';
}
document.querySelectorAll('form[method="post"]').forEach(form => form.addEventListener('submit', () => {
  form.querySelector('input[name="_csrf"]').value = csrfToken();
}));
