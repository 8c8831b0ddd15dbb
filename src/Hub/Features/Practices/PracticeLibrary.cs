using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// The practices written as files in the repository (Features/Practices/Library/*.md, embedded in the
/// executable), read once when the hub starts, with their translations (Library/&lt;language&gt;/&lt;slug&gt;.md).
/// <see cref="All"/> and <see cref="Find"/> answer in the reader's language (the UI culture, as every word of the
/// hub), falling back to English for a practice not translated. A translation keeps the English file's shape
/// (scales, minutes, steps and their minutes, roles, prompts, variations): only words differ, so a crew's
/// stored plan ("check-in:12;…") and a meeting room's steps mean the same practice in every language.
/// A file that does not pass <see cref="PracticeText"/>'s checks, or a translation of another shape, stops
/// the start with its problems: the files are reviewed like code, and a test reads them all.
/// </summary>
public sealed partial class PracticeLibrary
{
    private const string Prefix = "practices/";

    private readonly IReadOnlyList<Practice> english;
    private readonly Dictionary<string, Practice> englishBySlug;
    private readonly Dictionary<string, (IReadOnlyList<Practice> All, Dictionary<string, Practice> BySlug)> translated = [];

    /// <summary>The library in the reader's language, by title.</summary>
    public IReadOnlyList<Practice> All => Current().All;

    /// <summary>The English files as written: what an administrator's own version starts from.</summary>
    public IReadOnlyList<Practice> English => english;

    /// <summary>The languages with translations shipped (not English, not the pseudo-locale).</summary>
    public IReadOnlyCollection<string> Translated => [.. translated.Keys.Where(k => k != Languages.Pseudo)];

    /// <param name="pseudo">Also make the pseudo-locale's library, the English marked as <see cref="PseudoText"/> does (Localization:Pseudo).</param>
    public PracticeLibrary(bool pseudo = false) : this(ReadFiles(), ReadTranslations(), pseudo)
    {
    }

    public PracticeLibrary(IEnumerable<(string Slug, string Text)> files) : this(files, [], false)
    {
    }

    public PracticeLibrary(IEnumerable<(string Slug, string Text)> files, IEnumerable<(string Language, string Slug, string Text)> translations, bool pseudo)
    {
        var problems = new List<string>();
        english = Parse(files.Select(f => (f.Slug, f.Text, $"{f.Slug}.md")), problems);
        englishBySlug = english.ToDictionary(p => p.Slug);
        foreach (var language in translations.GroupBy(t => t.Language))
        {
            var practices = Parse(language.Select(t => (t.Slug, t.Text, $"{language.Key}/{t.Slug}.md")), problems);
            foreach (var practice in practices)
            {
                if (!englishBySlug.TryGetValue(practice.Slug, out var original))
                {
                    problems.Add($"{language.Key}/{practice.Slug}.md: there is no English {practice.Slug}.md to translate.");
                }
                else
                {
                    problems.AddRange(ShapeDifferences(original, practice).Select(d => $"{language.Key}/{practice.Slug}.md: {d}"));
                }
            }
            Add(language.Key, practices);
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The practice library has problems:\n" + string.Join("\n", problems));
        }
        if (pseudo)
        {
            Add(Languages.Pseudo, [.. english.Select(Pseudo)]);
        }
    }

    /// <summary>The practice in the reader's language, or null.</summary>
    public Practice? Find(string slug) => Current().BySlug.GetValueOrDefault(slug);

    /// <summary>The English file of a practice, or null.</summary>
    public Practice? FindEnglish(string slug) => englishBySlug.GetValueOrDefault(slug);

    /// <summary>Titles in the order of the reader's language (accents where its alphabet puts them).</summary>
    public static StringComparer TitleOrder => StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);

    /// <summary>
    /// Where a translation's shape differs from its English file: the test and the start both read this, so a
    /// translator learns at once that a step, a role or a minute went missing.
    /// </summary>
    public static IEnumerable<string> ShapeDifferences(Practice original, Practice translation)
    {
        if (!original.Scales.SequenceEqual(translation.Scales))
        {
            yield return $"its scales ({string.Join(", ", translation.Scales)}) are not the English file's ({string.Join(", ", original.Scales)}).";
        }
        if (original.Minutes != translation.Minutes)
        {
            yield return $"it takes {translation.Minutes} minutes, the English file {original.Minutes}.";
        }
        if (!original.Steps.Select(s => s.Minutes).SequenceEqual(translation.Steps.Select(s => s.Minutes)))
        {
            yield return $"its steps' minutes ({string.Join(", ", translation.Steps.Select(s => s.Minutes))}) are not the English file's ({string.Join(", ", original.Steps.Select(s => s.Minutes))}).";
        }
        foreach (var (part, mine, theirs) in new[]
        {
            ("roles", original.Roles.Count, translation.Roles.Count),
            ("prompts", original.Prompts.Count, translation.Prompts.Count),
            ("variations", original.Variations.Count, translation.Variations.Count),
        })
        {
            if (mine != theirs)
            {
                yield return $"it has {theirs} {part}, the English file {mine}.";
            }
        }
        foreach (var (part, mine, theirs) in new[]
        {
            ("summary", original.Summary, translation.Summary),
            ("timed_for", original.TimedFor, translation.TimedFor),
            ("origin", original.Origin, translation.Origin),
            ("online", original.Online, translation.Online),
            ("in_person", original.InPerson, translation.InPerson),
            ("notes after the front matter", original.NotesHtml, translation.NotesHtml),
        })
        {
            if ((mine.Length == 0) != (theirs.Length == 0))
            {
                yield return $"its {part} is {(theirs.Length == 0 ? "missing" : "there")}, in the English file {(mine.Length == 0 ? "not" : "it is")}.";
            }
        }
    }

    /// <summary>Every embedded English practice file: its slug (the file name) and its text.</summary>
    public static IEnumerable<(string Slug, string Text)> ReadFiles() =>
        Embedded().Where(f => f.Language is null).Select(f => (f.Slug, f.Text));

    /// <summary>Every embedded translation: its language (the folder), its slug and its text.</summary>
    public static IEnumerable<(string Language, string Slug, string Text)> ReadTranslations() =>
        Embedded().Where(f => f.Language is not null).Select(f => (f.Language!, f.Slug, f.Text));

    private static IEnumerable<(string? Language, string Slug, string Text)> Embedded()
    {
        var assembly = typeof(PracticeLibrary).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order())
        {
            var path = name[Prefix.Length..^3].Replace('\\', '/');
            var folder = path.LastIndexOf('/');
            yield return folder < 0 ? (null, path, Read(assembly, name)) : (path[..folder], path[(folder + 1)..], Read(assembly, name));
        }
    }

    private (IReadOnlyList<Practice> All, Dictionary<string, Practice> BySlug) Current()
    {
        var language = Languages.Normalize(CultureInfo.CurrentUICulture.Name, pseudo: true);
        return language is not null && translated.TryGetValue(language, out var found) ? found : (english, englishBySlug);
    }

    private void Add(string language, IReadOnlyList<Practice> practices)
    {
        // A practice not yet translated is read in English rather than missing from the library or a crew's plan.
        var bySlug = english.ToDictionary(p => p.Slug);
        foreach (var practice in practices)
        {
            bySlug[practice.Slug] = practice;
        }
        var order = StringComparer.Create(Languages.CultureOf(language), ignoreCase: true);
        translated[language] = ([.. bySlug.Values.OrderBy(p => p.Title, order)], bySlug);
    }

    private static IReadOnlyList<Practice> Parse(IEnumerable<(string Slug, string Text, string File)> files, List<string> problems)
    {
        var practices = new List<Practice>();
        foreach (var (slug, text, file) in files)
        {
            var parsed = PracticeText.Parse(slug, text);
            if (parsed.Practice is null)
            {
                problems.AddRange(parsed.Problems.Select(p => $"{file}: {p}"));
            }
            else
            {
                practices.Add(parsed.Practice);
            }
        }
        return [.. practices.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The pseudo-locale's practice: every word marked, so a page that shows the library's English instead of the reader's version shows a leak.</summary>
    private static Practice Pseudo(Practice p) => p with
    {
        Title = Mark(p.Title),
        Summary = Mark(p.Summary),
        Purpose = Mark(p.Purpose),
        TimedFor = Mark(p.TimedFor),
        Origin = Mark(p.Origin),
        Roles = [.. p.Roles.Select(r => new PracticeRole(Mark(r.Name), Mark(r.Does)))],
        Steps = [.. p.Steps.Select(s => s with { Title = Mark(s.Title), What = Mark(s.What), HostSays = Mark(s.HostSays) })],
        Prompts = [.. p.Prompts.Select(Mark)],
        Variations = [.. p.Variations.Select(Mark)],
        Online = Mark(p.Online),
        InPerson = Mark(p.InPerson),
        NotesHtml = TextRun().Replace(p.NotesHtml, m => ">" + WebUtility.HtmlEncode(Mark(WebUtility.HtmlDecode(m.Groups[1].Value))) + "<"),
    };

    private static string Mark(string text) => text.Trim().Length == 0 ? text : PseudoText.From(text);

    [GeneratedRegex(@">([^<]*[\p{L}][^<]*)<")]
    private static partial Regex TextRun();

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
