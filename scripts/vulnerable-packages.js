// Prints one line for ./test.sh's summary: which packages the package sources name as vulnerable, or
// that no source publishes advisories (then "no vulnerable packages" would mean nothing, so it is not said).
// Usage: node scripts/vulnerable-packages.js <output of `dotnet list package --vulnerable --include-transitive --format json`>
const fs = require('fs');

async function main() {
  const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const advising = [];
  for (const source of report.sources ?? []) {
    try {
      const index = await (await fetch(source, { signal: AbortSignal.timeout(10000) })).json();
      if ((index.resources ?? []).some(r => String(r['@type']).startsWith('VulnerabilityInfo'))) advising.push(source);
    } catch {
      // a source that does not answer offers no advisories either
    }
  }
  const found = [];
  for (const project of report.projects ?? []) {
    for (const framework of project.frameworks ?? []) {
      for (const p of [...(framework.topLevelPackages ?? []), ...(framework.transitivePackages ?? [])]) {
        const severity = (p.vulnerabilities ?? []).map(v => v.severity).join('/');
        found.push(`${p.id} ${p.resolvedVersion} (${severity})`);
      }
    }
  }
  const unique = [...new Set(found)].sort();
  if (unique.length > 0) {
    console.log(`Vulnerable packages: ${unique.length}: ${unique.join(', ')}`);
  } else if (advising.length === 0) {
    console.log(`Vulnerable packages: not known: no package source publishes advisories (${(report.sources ?? []).join(', ')})`);
  } else {
    console.log(`Vulnerable packages: none, by the advisories of ${advising.join(', ')}`);
  }
}

main().catch(e => { console.log(`Vulnerable packages: not checked (${e.message})`); });
