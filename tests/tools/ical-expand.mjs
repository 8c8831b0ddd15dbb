// Parses an iCalendar file with Mozilla's ical.js and prints every event's occurrences as JSON,
// so tests can compare the hub's own expansion of each recurrence with an independent one.
// Usage: node ical-expand.mjs FILE UNTIL_ISO
import fs from 'node:fs';
import ICAL from 'ical.js';

const [file, untilIso] = process.argv.slice(2);
const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
for (const zone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}
const until = ICAL.Time.fromJSDate(new Date(untilIso), true);
const events = calendar.getAllSubcomponents('vevent').map(v => new ICAL.Event(v));
const masters = new Map();
for (const e of events.filter(e => !e.isRecurrenceException())) {
  masters.set(e.uid, e);
}
for (const e of events.filter(e => e.isRecurrenceException())) {
  masters.get(e.uid)?.relateException(e);
}
const out = [];
for (const [uid, e] of masters) {
  const occurrences = [];
  if (e.isRecurring()) {
    const it = e.iterator();
    let next;
    while ((next = it.next()) && occurrences.length < 1000) {
      const details = e.getOccurrenceDetails(next);
      if (details.startDate.compare(until) > 0 && next.compare(until) > 0) {
        break;
      }
      occurrences.push({ start: details.startDate.toJSDate().toISOString(), end: details.endDate.toJSDate().toISOString() });
    }
  } else {
    occurrences.push({ start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() });
  }
  out.push({ uid, summary: e.summary, zone: e.startDate.zone?.tzid ?? '', occurrences });
}
process.stdout.write(JSON.stringify(out));
