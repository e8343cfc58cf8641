// The web calendar's only script, served by AIL itself. Without it every post still moves through its own form
// (a date and time field and a Move button); with it a post can also be dragged to another day, which keeps the
// post's time of day, fills in that same form and sends it. AIL then runs /ail reschedule with the person's rights.
(function () {
  'use strict';

  // Moves post `postId` to `date` (yyyy-mm-dd) at its current time of day, through the post's own form.
  function moveTo(postId, date) {
    var form = document.getElementById('move-' + postId);
    if (!form || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return false;
    }
    var at = form.elements.namedItem('at');
    at.value = date + 'T' + at.value.substring(11, 16);
    form.submit();
    return true;
  }

  function postOf(node) {
    while (node && node.getAttribute && !node.getAttribute('data-post')) {
      node = node.parentNode;
    }
    return node && node.getAttribute ? node.getAttribute('data-post') : null;
  }

  function wire() {
    var posts = document.querySelectorAll('[data-post][draggable="true"]');
    for (var i = 0; i < posts.length; i++) {
      posts[i].addEventListener('dragstart', function (event) {
        event.dataTransfer.setData('text/plain', postOf(event.target));
        event.dataTransfer.effectAllowed = 'move';
      });
    }
    var days = document.querySelectorAll('td[data-date]');
    for (var j = 0; j < days.length; j++) {
      days[j].addEventListener('dragover', function (event) {
        event.preventDefault();
      });
      days[j].addEventListener('drop', function (event) {
        event.preventDefault();
        moveTo(event.dataTransfer.getData('text/plain'), this.getAttribute('data-date'));
      });
    }
  }

  window.ailCalendar = { moveTo: moveTo };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
})();
