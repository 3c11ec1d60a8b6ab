// Checks the applicants' forms as they are filled in, next to each field. The server checks the same
// rules again (and more: the NIK's structure, eligibility); this only saves a round trip.
(function () {
  'use strict';

  function withoutGrouping(value) {
    return value.replace(/[\s-]/g, '');
  }

  function problemOf(field, complete) {
    var value = field.value.trim();
    if (value === '') {
      return complete ? field.dataset.msgRequired : '';
    }
    // data-pattern: the same pattern as the server's, on the value without grouping spaces and dashes
    if (field.dataset.pattern && !new RegExp('^(?:' + field.dataset.pattern + ')$').test(withoutGrouping(value))) {
      return field.dataset.msgPattern;
    }
    return '';
  }

  function show(field, problem) {
    var message = document.getElementById(field.id + '-error');
    if (message) {
      message.textContent = problem || '';
    }
    field.classList.toggle('invalid', !!problem);
    field.setAttribute('aria-invalid', problem ? 'true' : 'false');
  }

  document.querySelectorAll('form[data-live-check]').forEach(function (form) {
    var fields = Array.prototype.slice.call(form.querySelectorAll('input[required], select[required], input[data-pattern]'));
    fields.forEach(function (field) {
      // while typing: only what is already wrong; an empty field is only reported once left
      field.addEventListener('input', function () { show(field, problemOf(field, false)); });
      field.addEventListener('change', function () { show(field, problemOf(field, true)); });
      field.addEventListener('blur', function () { show(field, problemOf(field, true)); });
    });
    form.addEventListener('submit', function (event) {
      var firstWrong = null;
      fields.forEach(function (field) {
        var problem = problemOf(field, true);
        show(field, problem);
        if (problem && !firstWrong) {
          firstWrong = field;
        }
      });
      if (firstWrong) {
        event.preventDefault();
        firstWrong.focus();
      }
    });
  });
}());
