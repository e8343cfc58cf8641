// The web calendar's only script, served by AIL itself. Without it every post still moves through its own form
// (a date and time field and a Move button); with it a post can also be dragged to another day, which keeps the
// post's time of day, or onto a free queue time, which gives it that time; either fills in that same form and sends
// it. AIL then runs /ail reschedule with the person's rights.
(function () {
  'use strict';

  // Moves post `postId` to `date` (yyyy-mm-dd) at `time` (HH:MM), or at its current time of day when `time` is not
  // given, through the post's own form.
  function moveTo(postId, date, time) {
    var form = document.getElementById('move-' + postId);
    if (!form || !/^\d{4}-\d{2}-\d{2}$/.test(date) || (time && !/^\d{2}:\d{2}$/.test(time))) {
      return false;
    }
    var at = form.elements.namedItem('at');
    at.value = date + 'T' + (time || at.value.substring(11, 16));
    form.submit();
    return true;
  }

  // The nearest element (itself or an ancestor) that has `attribute`, or null.
  function holder(node, attribute) {
    while (node && node.getAttribute && !node.getAttribute(attribute)) {
      node = node.parentNode;
    }
    return node && node.getAttribute ? node : null;
  }

  function postOf(node) {
    var post = holder(node, 'data-post');
    return post ? post.getAttribute('data-post') : null;
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
        var slot = holder(event.target, 'data-slot-at');
        var postId = event.dataTransfer.getData('text/plain');
        if (slot) { // a free queue time: the post takes that time
          var at = slot.getAttribute('data-slot-at');
          moveTo(postId, at.substring(0, 10), at.substring(11, 16));
        } else {
          moveTo(postId, this.getAttribute('data-date'));
        }
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
