// Czech by default, English on request; numbers and dates in the chosen language's locale (Czech: decimal comma).
const texts = {
  cs: {
    skip: 'Přeskočit na obsah', language: 'Jazyk', title: 'Odhady času obrábění',
    upload: 'Nahrát výkresy', uploadHint: 'Přetáhněte sem PDF, nebo je vyberte.', pick: 'Vybrat PDF…',
    notPdf: 'není PDF (soubor nezačíná %PDF)', wrongType: 'není PDF (typ {type})', tooLarge: 'je příliš velký',
    uploading: 'nahrávám…', started: 'odhad začal', alreadyEstimated: 'už odhadnuto', inProgress: 'už se odhaduje', open: 'Otevřít',
    documents: 'Dokumenty', status: 'Stav', model: 'Model', search: 'Hledat (soubor, díl, číslo výkresu)', from: 'Od', to: 'Do',
    filter: 'Filtrovat', any: 'vše', deleted: 'Smazané', file: 'Soubor', created: 'Vytvořeno', minutes: 'Minuty', pages: 'Stran',
    labels: 'Zpětná vazba', next: 'Další', previous: 'Předchozí', none: 'Žádné dokumenty.',
    completed: 'hotovo', partial: 'částečně', failed: 'selhalo', blocked: 'blokováno', running: 'běží',
    back: 'Zpět na seznam', progress: 'Průběh', rendered: 'Vykresleno', estimated: 'Odhadnuto', stage: 'Fáze',
    total: 'Celkem', confidence: 'Jistota', high: 'vysoká', medium: 'střední', low: 'nízká', reasoning: 'Zdůvodnění',
    operations: 'Operace', operation: 'Operace', part: 'Díl', drawingNumber: 'Číslo výkresu', partType: 'Typ dílu', complexity: 'Složitost',
    material: 'Materiál', warnings: 'Ke kontrole', noWarnings: 'Nic k upozornění.', facts: 'Fakta z textové vrstvy',
    checked: 'zkontrolováno', units: 'Jednotky', tolerance: 'Obecná tolerance', threads: 'Závity', fits: 'Uložení', roughness: 'Drsnost',
    notRead: 'nepřečteno', materialDiffers: 'Materiál v odpovědi modelu ({model}) se liší od rohového razítka ({block}).',
    lowConfidence: 'Model si není jistý (nízká jistota).', pageProblem: 'Strana {page}: {reason}', retry: 'Zkusit znovu',
    retryStarted: 'Opakování začalo.', nothingToRetry: 'Žádná strana nepotřebuje opakování.',
    answeredBy: 'Odpověděl model', shadow: 'Stínový model', page: 'Strana', zoomIn: 'Přiblížit', zoomOut: 'Oddálit', fit: 'Přizpůsobit',
    viewerHelp: 'Táhněte myší, kolečkem nebo klávesami +/− přibližujte, šipkami posouvejte.',
    adjust: 'Úprava odhadu (expert)', adjustHint: 'Původní odpověď modelu zůstává vlevo; úprava se uloží jako odhad experta.',
    addOperation: 'Přidat operaci', remove: 'Odebrat', save: 'Uložit', saved: 'Uloženo.', enteredBy: 'Kdo', notes: 'Poznámka',
    conflict: 'Dokument mezitím změnil někdo jiný. Zobrazuji novější verzi; vaše zadání nebylo uloženo a zůstává ve formuláři — zkontrolujte je a uložte znovu.',
    actual: 'Skutečný čas z dílny', actualMinutes: 'Skutečné minuty', wholeDocument: 'celý dokument', earlier: 'Dřívější záznamy', noEntries: 'Zatím žádné záznamy.',
    sourceActual: 'skutečnost', sourceExpert: 'expert', delete: 'Smazat', restore: 'Obnovit', deletedNotice: 'Dokument je smazán (není v seznamu).',
    confirmDelete: 'Smazat dokument ze seznamu? Lze jej obnovit.', activeModel: 'Model', fineTuned: 'dotrénovaný', baseModel: 'základní',
    retires: 'Model {model} bude vyřazen {date} (zbývá {days} dní). Přejděte včas na jiný model.', admin: 'Správa',
    candidates: 'Kandidáti', activate: 'Aktivovat', export: 'Stáhnout tréninková data', history: 'Podobné díly z historie',
    headline: 'Odhad', otherNumber: 'Druhé číslo', engineNumber: 'výpočet z technologie', modelNumber: 'model', perPiece: 'na kus', setupPerBatch: 'seřízení na dávku',
    calibrated: 'Kalibrovaný čas', similarScore: 'shoda', actualTime: 'skutečný čas', error: 'Chyba', notFound: 'Dokument nenalezen.',
    invalidMinutes: 'Zadejte kladný počet minut.', document: 'Dokument',
    purge: 'Smazat soubory natrvalo (správce)', confirmPurge: 'Natrvalo smazat PDF a obrázky stran? Odhad a zpětná vazba zůstanou. Nelze vrátit.',
    purgedNotice: 'PDF a obrázky stran jsou natrvalo smazány.',
    signInOffTitle: 'Přihlášení není nastaveno',
    signInOff: 'Toto nasazení nemá přihlášení, a proto nikomu neodpovídá: odhady a výkresy zůstávají zamčené. Přihlášení zapnete tak, že vytvoříte registraci aplikace v Microsoft Entra ID a zadáte její client id, jak popisuje README.md (Deploy to Azure) a src/docs/deploy.md (Sign-in):',
  },
  en: {
    skip: 'Skip to content', language: 'Language', title: 'Machining-time estimates',
    upload: 'Upload drawings', uploadHint: 'Drop PDFs here, or pick them.', pick: 'Pick PDFs…',
    notPdf: 'is not a PDF (the file does not start with %PDF)', wrongType: 'is not a PDF (type {type})', tooLarge: 'is too large',
    uploading: 'uploading…', started: 'estimate started', alreadyEstimated: 'already estimated', inProgress: 'already running', open: 'Open',
    documents: 'Documents', status: 'Status', model: 'Model', search: 'Search (file, part, drawing number)', from: 'From', to: 'To',
    filter: 'Filter', any: 'any', deleted: 'Deleted', file: 'File', created: 'Created', minutes: 'Minutes', pages: 'Pages',
    labels: 'Feedback', next: 'Next', previous: 'Previous', none: 'No documents.',
    completed: 'completed', partial: 'partial', failed: 'failed', blocked: 'blocked', running: 'running',
    back: 'Back to the list', progress: 'Progress', rendered: 'Rendered', estimated: 'Estimated', stage: 'Stage',
    total: 'Total', confidence: 'Confidence', high: 'high', medium: 'medium', low: 'low', reasoning: 'Reasoning',
    operations: 'Operations', operation: 'Operation', part: 'Part', drawingNumber: 'Drawing number', partType: 'Part type', complexity: 'Complexity',
    material: 'Material', warnings: 'To check', noWarnings: 'Nothing to flag.', facts: 'Facts from the text layer',
    checked: 'checked', units: 'Units', tolerance: 'General tolerance', threads: 'Threads', fits: 'Fits', roughness: 'Roughness',
    notRead: 'not read', materialDiffers: 'The material in the model\'s answer ({model}) differs from the title block ({block}).',
    lowConfidence: 'The model is not sure (low confidence).', pageProblem: 'Page {page}: {reason}', retry: 'Retry',
    retryStarted: 'Retry started.', nothingToRetry: 'No page needs a retry.',
    answeredBy: 'Answered by', shadow: 'Shadow model', page: 'Page', zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Fit',
    viewerHelp: 'Drag to pan; wheel or +/− keys zoom, arrow keys pan.',
    adjust: 'Adjust the estimate (expert)', adjustHint: 'The model\'s original answer stays on the left; the adjustment is saved as an expert estimate.',
    addOperation: 'Add operation', remove: 'Remove', save: 'Save', saved: 'Saved.', enteredBy: 'Who', notes: 'Note',
    conflict: 'Someone else changed the document meanwhile. Showing the newer version; your entry was not saved and stays in the form — check it and save again.',
    actual: 'Real shop time', actualMinutes: 'Real minutes', wholeDocument: 'whole document', earlier: 'Earlier entries', noEntries: 'No entries yet.',
    sourceActual: 'actual', sourceExpert: 'expert', delete: 'Delete', restore: 'Restore', deletedNotice: 'This document is deleted (not on the list).',
    confirmDelete: 'Delete the document from the list? It can be restored.', activeModel: 'Model', fineTuned: 'fine-tuned', baseModel: 'base',
    retires: 'Model {model} retires on {date} ({days} days left). Move to another model in time.', admin: 'Admin',
    candidates: 'Candidates', activate: 'Activate', export: 'Download training data', history: 'Similar parts from history',
    headline: 'Estimate', otherNumber: 'Other number', engineNumber: 'engine (process plan)', modelNumber: 'model', perPiece: 'per piece', setupPerBatch: 'setup per batch',
    calibrated: 'Calibrated time', similarScore: 'match', actualTime: 'real time', error: 'Error', notFound: 'Document not found.',
    invalidMinutes: 'Enter a positive number of minutes.', document: 'Document',
    purge: 'Purge the files (admin)', confirmPurge: 'Remove the PDF and page images for good? The estimate and its feedback stay. This cannot be undone.',
    purgedNotice: 'The PDF and page images are purged.',
    signInOffTitle: 'Sign-in is not set up',
    signInOff: 'This deployment has no sign-in, so it answers no one: the estimates and drawings stay locked. To turn sign-in on, create the app registration in Microsoft Entra ID and give its client id, as README.md (Deploy to Azure) and src/docs/deploy.md (Sign-in) describe:',
  },
};

const locales = { cs: 'cs-CZ', en: 'en-GB' };
let language = localStorage.getItem('timevision.language') in texts ? localStorage.getItem('timevision.language') : 'cs';

export const currentLanguage = () => language;

export function setLanguage(next) {
  language = next in texts ? next : 'cs';
  localStorage.setItem('timevision.language', language);
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
}

export function t(key, values = {}) {
  const text = texts[language][key] ?? texts.cs[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export const number = (value, digits = 1) =>
  value === null || value === undefined ? '–' : new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);

export const dateTime = (value) =>
  value ? new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '–';

export const date = (value) => (value ? new Intl.DateTimeFormat(locales[language], { dateStyle: 'long' }).format(new Date(value)) : '–');

/** Reads a number typed in either locale's way (a decimal comma or point). */
export const parseNumber = (text) => Number(String(text).trim().replace(/\s/g, '').replace(',', '.'));
