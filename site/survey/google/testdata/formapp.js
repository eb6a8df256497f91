// A recording stand-in of Google Apps Script's FormApp and Logger, for the
// tests of the script `aiready questionnaire --format google` writes.
//
//   node formapp.js questionnaire.gs    prints the record as JSON
//
// It runs the script in a context of its own that holds nothing but
// FormApp and Logger (no require, no process, no console), calls its
// createForm, and prints what the form became and every call made. It
// fails loudly (an exception, exit status 1) on any method the documented
// API does not have, on a documented one this stand-in does not implement,
// and on an argument of the wrong type or number: a string where the API
// takes a String, a non-empty array of strings where it takes String[]
// (setRows, setColumns and setChoiceValues throw on an empty array), a
// boolean where it takes Boolean.
//
// The method lists are those of the Apps Script reference
// (https://developers.google.com/apps-script/reference/forms/: FormApp,
// Form, PageBreakItem, GridItem, MultipleChoiceItem, CheckboxItem,
// ListItem, TextItem, ParagraphTextItem; and .../base/logger), as
// generated into sinsky/parse-gas-types' @types/form-app.d.ts and
// logger.d.ts.
'use strict';

const fs = require('fs');
const vm = require('vm');

const documented = {
  FormApp: ['create', 'createCheckboxGridValidation', 'createCheckboxValidation', 'createFeedback',
    'createGridValidation', 'createParagraphTextValidation', 'createTextValidation', 'getActiveForm',
    'getUi', 'openById', 'openByUrl'],
  Form: ['addCheckboxGridItem', 'addCheckboxItem', 'addDateItem', 'addDateTimeItem', 'addDurationItem',
    'addEditor', 'addEditors', 'addGridItem', 'addImageItem', 'addListItem', 'addMultipleChoiceItem',
    'addPageBreakItem', 'addParagraphTextItem', 'addScaleItem', 'addSectionHeaderItem', 'addTextItem',
    'addTimeItem', 'addVideoItem', 'canEditResponse', 'collectsEmail', 'createResponse',
    'deleteAllResponses', 'deleteItem', 'deleteResponse', 'getConfirmationMessage',
    'getCustomClosedFormMessage', 'getDescription', 'getDestinationId', 'getDestinationType',
    'getEditUrl', 'getEditors', 'getId', 'getItemById', 'getItems', 'getPublishedUrl', 'getResponse',
    'getResponses', 'getShuffleQuestions', 'getSummaryUrl', 'getTitle', 'hasLimitOneResponsePerUser',
    'hasProgressBar', 'hasRespondAgainLink', 'isAcceptingResponses', 'isPublishingSummary', 'isQuiz',
    'moveItem', 'removeDestination', 'removeEditor', 'requiresLogin', 'setAcceptingResponses',
    'setAllowResponseEdits', 'setCollectEmail', 'setConfirmationMessage', 'setCustomClosedFormMessage',
    'setDescription', 'setDestination', 'setIsQuiz', 'setLimitOneResponsePerUser', 'setProgressBar',
    'setPublishingSummary', 'setRequireLogin', 'setShowLinkToRespondAgain', 'setShuffleQuestions',
    'setTitle', 'shortenFormUrl', 'submitGrades'],
  PageBreakItem: ['duplicate', 'getGoToPage', 'getHelpText', 'getId', 'getIndex', 'getPageNavigationType',
    'getTitle', 'getType', 'setGoToPage', 'setHelpText', 'setTitle'],
  GridItem: ['clearValidation', 'createResponse', 'duplicate', 'getColumns', 'getHelpText', 'getId',
    'getIndex', 'getRows', 'getTitle', 'getType', 'isRequired', 'setColumns', 'setHelpText',
    'setRequired', 'setRows', 'setTitle', 'setValidation'],
  MultipleChoiceItem: ['createChoice', 'createResponse', 'duplicate', 'getChoices', 'getFeedbackForCorrect',
    'getFeedbackForIncorrect', 'getHelpText', 'getId', 'getIndex', 'getPoints', 'getTitle', 'getType',
    'hasOtherOption', 'isRequired', 'setChoiceValues', 'setChoices', 'setFeedbackForCorrect',
    'setFeedbackForIncorrect', 'setHelpText', 'setPoints', 'setRequired', 'setTitle', 'showOtherOption'],
  CheckboxItem: ['clearValidation', 'createChoice', 'createResponse', 'duplicate', 'getChoices',
    'getFeedbackForCorrect', 'getFeedbackForIncorrect', 'getHelpText', 'getId', 'getIndex', 'getPoints',
    'getTitle', 'getType', 'hasOtherOption', 'isRequired', 'setChoiceValues', 'setChoices',
    'setFeedbackForCorrect', 'setFeedbackForIncorrect', 'setHelpText', 'setPoints', 'setRequired',
    'setTitle', 'setValidation', 'showOtherOption'],
  ListItem: ['createChoice', 'createResponse', 'duplicate', 'getChoices', 'getFeedbackForCorrect',
    'getFeedbackForIncorrect', 'getHelpText', 'getId', 'getIndex', 'getPoints', 'getTitle', 'getType',
    'isRequired', 'setChoiceValues', 'setChoices', 'setFeedbackForCorrect', 'setFeedbackForIncorrect',
    'setHelpText', 'setPoints', 'setRequired', 'setTitle'],
  TextItem: ['clearValidation', 'createResponse', 'duplicate', 'getGeneralFeedback', 'getHelpText', 'getId',
    'getIndex', 'getPoints', 'getTitle', 'getType', 'isRequired', 'setGeneralFeedback', 'setHelpText',
    'setPoints', 'setRequired', 'setTitle', 'setValidation'],
  ParagraphTextItem: ['clearValidation', 'createResponse', 'duplicate', 'getGeneralFeedback', 'getHelpText',
    'getId', 'getIndex', 'getPoints', 'getTitle', 'getType', 'isRequired', 'setGeneralFeedback',
    'setHelpText', 'setPoints', 'setRequired', 'setTitle', 'setValidation'],
  Logger: ['clear', 'getLog', 'log'],
};

// The item types of FormApp.ItemType, by class.
const itemType = {
  PageBreakItem: 'PAGE_BREAK', GridItem: 'GRID', MultipleChoiceItem: 'MULTIPLE_CHOICE',
  CheckboxItem: 'CHECKBOX', ListItem: 'LIST', TextItem: 'TEXT', ParagraphTextItem: 'PARAGRAPH_TEXT',
};

const calls = [];
const log = [];
let forms = 0;
const form = { title: null, description: null, items: [] };

function fail(msg) {
  throw new Error('FormApp stand-in: ' + msg);
}

// check tests the arguments of one call against kinds: 'string',
// 'strings' (a non-empty String[]), 'boolean'.
function check(where, args, kinds) {
  if (args.length !== kinds.length) {
    fail(`${where}: ${args.length} argument(s), the API takes ${kinds.length}`);
  }
  kinds.forEach((k, i) => {
    const a = args[i];
    switch (k) {
      case 'string':
        if (typeof a !== 'string') fail(`${where}: argument ${i + 1} is ${typeof a}, not a String`);
        break;
      case 'boolean':
        if (typeof a !== 'boolean') fail(`${where}: argument ${i + 1} is ${typeof a}, not a Boolean`);
        break;
      case 'strings':
        if (!Array.isArray(a)) fail(`${where}: argument ${i + 1} is not a String[]`);
        if (a.length === 0) fail(`${where}: the array is empty (the API throws)`);
        a.forEach((s, j) => {
          if (typeof s !== 'string') fail(`${where}: element ${j} is ${typeof s}, not a String`);
        });
        break;
      default:
        fail('bad kind ' + k);
    }
  });
}

// object makes a stand-in of class cls: the methods in impl (each with
// its argument kinds and what it does), and a loud failure for anything
// else.
function object(cls, id, impl) {
  const target = {};
  return new Proxy(target, {
    get(_, prop) {
      const name = String(prop);
      if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(impl, prop)) {
        const [kinds, fn] = impl[prop];
        return function (...args) {
          const where = `${cls}.${name}`;
          check(where, args, kinds);
          calls.push({ on: id, class: cls, method: name, args: JSON.parse(JSON.stringify(args)) });
          return fn(...args);
        };
      }
      if (documented[cls] && documented[cls].includes(name)) {
        fail(`${cls}.${name} is documented, but the script is not expected to use it (the stand-in has no such method)`);
      }
      fail(`${cls}.${name} is not in the documented Apps Script API`);
    },
    set(_, prop) {
      fail(`the script sets ${cls}.${String(prop)}`);
    },
  });
}

// item makes a form item of class cls; setters return the item itself,
// for chaining, as the API's do.
function item(cls, extra) {
  const state = { type: itemType[cls], title: '', help: '' };
  if (cls !== 'PageBreakItem') state.required = null;
  form.items.push(state);
  const id = `${cls}#${form.items.length}`;
  let self;
  const impl = {
    setTitle: [['string'], (t) => { state.title = t; return self; }],
    setHelpText: [['string'], (t) => { state.help = t; return self; }],
  };
  if (cls !== 'PageBreakItem') {
    impl.setRequired = [['boolean'], (b) => { state.required = b; return self; }];
  }
  const field = { setRows: 'rows', setColumns: 'columns', setChoiceValues: 'choices' };
  for (const m of extra) {
    impl[m] = [['strings'], (v) => { state[field[m]] = v.slice(); return self; }];
  }
  self = object(cls, id, impl);
  return self;
}

const formObject = object('Form', 'Form#1', {
  setDescription: [['string'], (d) => { form.description = d; return formObject; }],
  addPageBreakItem: [[], () => item('PageBreakItem', [])],
  addGridItem: [[], () => item('GridItem', ['setRows', 'setColumns'])],
  addMultipleChoiceItem: [[], () => item('MultipleChoiceItem', ['setChoiceValues'])],
  addCheckboxItem: [[], () => item('CheckboxItem', ['setChoiceValues'])],
  addListItem: [[], () => item('ListItem', ['setChoiceValues'])],
  addTextItem: [[], () => item('TextItem', [])],
  addParagraphTextItem: [[], () => item('ParagraphTextItem', [])],
  getEditUrl: [[], () => 'https://docs.google.com/forms/d/STAND-IN/edit'],
  getPublishedUrl: [[], () => 'https://docs.google.com/forms/d/e/STAND-IN/viewform'],
});

const FormApp = object('FormApp', 'FormApp', {
  create: [['string'], (title) => {
    if (title === '') fail('FormApp.create: the title is empty (the API throws)');
    if (++forms > 1) fail('FormApp.create: a second form');
    form.title = title;
    return formObject;
  }],
});

const Logger = object('Logger', 'Logger', {});
// Logger.log(format, values...): as many values as %s in the format.
const loggerLog = function (format, ...values) {
  if (typeof format !== 'string') fail('Logger.log: the format is not a String');
  const n = (format.match(/%s/g) || []).length;
  if (n !== values.length) fail(`Logger.log: ${n} %s for ${values.length} value(s)`);
  calls.push({ on: 'Logger', class: 'Logger', method: 'log', args: [format, ...values.map(String)] });
  let k = 0;
  log.push(format.replace(/%s/g, () => String(values[k++])));
};
const LoggerProxy = new Proxy({}, {
  get(_, prop) {
    if (prop === 'log') return loggerLog;
    return Logger[prop];
  },
  set(_, prop) { fail(`the script sets Logger.${String(prop)}`); },
});

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node formapp.js SCRIPT\n');
  process.exit(2);
}
const source = fs.readFileSync(file, 'utf8');
const context = vm.createContext({ FormApp, Logger: LoggerProxy });
vm.runInContext(source, context, { filename: file });
const loadCalls = calls.length;
if (typeof context.createForm !== 'function') fail('the script has no function createForm');
context.createForm();
process.stdout.write(JSON.stringify({ loadCalls, calls, form, log }) + '\n');
