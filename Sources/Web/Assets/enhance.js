// Progressive enhancement for the catalogue filters: with JavaScript a checkbox or the sort order
// applies at once, so the "Filters toepassen" button is no longer needed. Without JavaScript the
// GET form works as it is. No framework, nothing from another origin.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target && (target.type === "checkbox" || target.id === "sortering")) {
      // Remember which control the user was on, so keyboard users continue where they were.
      try { sessionStorage.setItem("weerbaar-focus", target.id); } catch (e) { /* private mode */ }
      form.submit();
    }
  });
  var focusId = null;
  try { focusId = sessionStorage.getItem("weerbaar-focus"); sessionStorage.removeItem("weerbaar-focus"); } catch (e) { /* ignore */ }
  if (focusId) {
    var element = document.getElementById(focusId);
    if (element) element.focus();
  }
})();
