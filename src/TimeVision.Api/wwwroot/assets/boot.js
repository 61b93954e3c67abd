// The page's first script, a classic one: it loads the page's modules and, when any of them fails to load or to run
// (a file missing after an update, a proxy that cut one off), says so instead of leaving the page blank.
(function boot() {
  const czech = (localStorage.getItem('timevision.language') ?? 'cs') !== 'en';
  const words = czech
    ? { failed: 'Stránku se nepodařilo načíst. Obnovte ji; když to nepomůže, dejte vědět správci.', reload: 'Načíst znovu' }
    : { failed: 'The page could not be loaded. Reload it; if that does not help, tell the admin.', reload: 'Reload' };
  import('/assets/app.js').catch(() => {
    const main = document.getElementById('main');
    const notice = document.createElement('section');
    notice.id = 'boot-failure';
    notice.className = 'panel error';
    notice.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = words.failed;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = words.reload;
    reload.addEventListener('click', () => window.location.reload());
    notice.append(text, reload);
    main.replaceChildren(notice);
  });
}());
