// The debtor's portal: copy buttons, and focus on the page's message after a form.
(function () {
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.copy);
      var status = button.parentElement.querySelector(".copied");
      var done = function () { if (status) status.textContent = "Copiado! Cole no app do seu banco."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.select(); document.execCommand("copy"); done(); });
      } else {
        field.select();
        document.execCommand("copy");
        done();
      }
    });
  });
  var message = document.getElementById("erro") || document.getElementById("aviso");
  if (message) message.focus();
})();
