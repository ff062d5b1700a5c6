// Suggestions while typing in the search boxes, as an ARIA 1.2 combobox with a list popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Progressive enhancement only: without this
// script the search box is a plain GET form and nothing is lost. No framework, same origin only.
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) return;

  var KIND_LABEL = { theme: "thema", query: "zoekopdracht", offering: "aanbod" };
  var counter = 0;

  function enhance(input) {
    var form = input.form;
    if (!form) return;
    var id = "suggesties-" + (++counter);
    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = id;
    list.className = "combobox__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggesties");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    var items = [];
    var active = -1;
    var timer = null;
    var sequence = 0;
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(item) {
      close();
      if (item.kind === "query") {
        input.value = item.text;
        form.submit();
      } else {
        window.location.assign(item.url);
      }
    }

    function render(suggestions) {
      items = suggestions;
      while (list.firstChild) list.removeChild(list.firstChild);
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = id + "-" + index;
        option.className = "combobox__option combobox__option--" + item.kind;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.appendChild(document.createTextNode(item.text));
        var kind = document.createElement("span");
        kind.className = "combobox__kind";
        kind.appendChild(document.createTextNode(" " + (KIND_LABEL[item.kind] || "")));
        option.appendChild(kind);
        // mousedown, not click: the input must keep focus so the list is not closed first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(item);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = suggestions.length + (suggestions.length === 1 ? " suggestie" : " suggesties") +
          ". Kies met de pijltjestoetsen en Enter.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function request() {
      var text = input.value;
      var mine = ++sequence;
      if (text.trim().length < 2) {
        render([]);
        return;
      }
      if (controller && controller.abort) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch("/api/v1/suggest?q=" + encodeURIComponent(text.slice(0, 100)), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
        credentials: "same-origin"
      }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (body) {
        // An answer to an older keystroke must not replace a newer one.
        if (mine === sequence && document.activeElement === input) render(body.suggestions || []);
      }).catch(function () { /* offline or aborted: the plain search still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(request, 150);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      switch (event.key) {
        case "ArrowDown":
          if (!open) { if (items.length) render(items); else request(); }
          else highlight(active + 1 < items.length ? active + 1 : 0);
          event.preventDefault();
          break;
        case "ArrowUp":
          if (open) highlight(active > 0 ? active - 1 : items.length - 1);
          event.preventDefault();
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            choose(items[active]);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  var inputs = document.querySelectorAll("input[type=search][name=q]");
  for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
})();
