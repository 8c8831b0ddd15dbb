using System.Globalization;
using System.Resources;
using Markdig;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// Reads a practice from its text: YAML front matter between two <c>---</c> lines (title, purpose, scales,
/// minutes, roles, steps with minutes and what the host says, prompts, variations, online and in-person
/// notes), then optional Markdown for anything more. The files in the repository and the practices
/// administrators and hosts write in the hub are the same text, checked by the same rules, so a problem
/// is a sentence naming the part to fix, never an exception.
/// </summary>
public static class PracticeText
{
    public sealed record Parsed(Practice? Practice, IReadOnlyList<string> Problems);

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    // Raw HTML is shown as text: practices written in the hub are read by visitors.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>The hub's words in English, for problems read where no page asks (the repository's files, tests).</summary>
    private static readonly ResourceManager English = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    /// <param name="strings">The page's words, for the problems an editor reads; English without it.</param>
    public static Parsed Parse(string slug, string text, PracticeSource source = PracticeSource.File, IStringLocalizer? strings = null)
    {
        var problems = new List<string>();
        string Say(string key, params object[] args) => strings is not null ? strings[key, args]
            : string.Format(CultureInfo.InvariantCulture, English.GetString(key, CultureInfo.InvariantCulture)!, args);
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new Parsed(null, [Say("Practices.Text.NoStart")]);
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return new Parsed(null, [Say("Practices.Text.NoEnd")]);
        }
        var front = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        FrontMatter matter;
        try
        {
            matter = Yaml.Deserialize<FrontMatter>(front) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            return new Parsed(null, [Say("Practices.Text.Unreadable", e.Start.Line + 1, FirstLine(e.InnerException?.Message ?? e.Message))]);
        }

        if (string.IsNullOrWhiteSpace(matter.Title))
        {
            problems.Add(Say("Practices.Text.NeedsTitle"));
        }
        if (string.IsNullOrWhiteSpace(matter.Purpose))
        {
            problems.Add(Say("Practices.Text.NeedsPurpose"));
        }
        var scales = new List<Scale>();
        var unknownScale = false;
        foreach (var name in matter.Scales ?? [])
        {
            if (Enum.TryParse<Scale>(name?.Trim(), ignoreCase: true, out var scale) && Enum.IsDefined(scale))
            {
                if (!scales.Contains(scale))
                {
                    scales.Add(scale);
                }
            }
            else
            {
                problems.Add(Say("Practices.Text.NotAScale", name ?? ""));
                unknownScale = true;
            }
        }
        if (scales.Count == 0 && !unknownScale)
        {
            problems.Add(Say("Practices.Text.NeedsScales"));
        }
        if (matter.Minutes is not > 0)
        {
            problems.Add(Say("Practices.Text.NeedsMinutes"));
        }
        var steps = new List<PracticeStep>();
        foreach (var (step, index) in (matter.Steps ?? []).Select((s, i) => (s, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(step.Title))
            {
                problems.Add(Say("Practices.Text.StepTitle", index));
            }
            if (step.Minutes is not > 0)
            {
                problems.Add(Say("Practices.Text.StepMinutes", index));
            }
            if (string.IsNullOrWhiteSpace(step.HostSays))
            {
                problems.Add(Say("Practices.Text.StepHostSays", index));
            }
            steps.Add(new PracticeStep(Clean(step.Title), step.Minutes ?? 0, Clean(step.What), Clean(step.HostSays)));
        }
        if (steps.Count == 0)
        {
            problems.Add(Say("Practices.Text.NeedsStep"));
        }
        else if (matter.Minutes is > 0 && steps.Sum(s => s.Minutes) != matter.Minutes)
        {
            problems.Add(Say("Practices.Text.StepsDisagree", steps.Sum(s => s.Minutes), matter.Minutes.Value));
        }
        if (problems.Count > 0)
        {
            return new Parsed(null, problems);
        }
        var practice = new Practice(
            slug,
            Clean(matter.Title),
            Clean(matter.Summary),
            Clean(matter.Purpose),
            [.. scales.Order()],
            matter.Minutes!.Value,
            Clean(matter.TimedFor),
            Clean(matter.Origin),
            [.. (matter.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => new PracticeRole(Clean(r.Name), Clean(r.Does)))],
            steps,
            [.. (matter.Prompts ?? []).Select(Clean).Where(p => p != "")],
            [.. (matter.Variations ?? []).Select(Clean).Where(p => p != "")],
            Clean(matter.Online),
            Clean(matter.InPerson),
            body.Trim().Length == 0 ? "" : Markdig.Markdown.ToHtml(body, Markdown),
            source,
            text);
        return new Parsed(practice, []);
    }

    /// <summary>A slug: lower-case letters, digits and single hyphens, 2 to 60 characters.</summary>
    public static bool IsSlug(string slug) =>
        slug.Length is >= 2 and <= 60 && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal);

    private static string Clean(string? text) => (text ?? "").Trim();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Purpose { get; set; }
        public List<string?>? Scales { get; set; }
        public int? Minutes { get; set; }
        public string? TimedFor { get; set; }
        public string? Origin { get; set; }
        public List<RoleMatter>? Roles { get; set; }
        public List<StepMatter>? Steps { get; set; }
        public List<string?>? Prompts { get; set; }
        public List<string?>? Variations { get; set; }
        public string? Online { get; set; }
        public string? InPerson { get; set; }
    }

    private sealed class RoleMatter
    {
        public string? Name { get; set; }
        public string? Does { get; set; }
    }

    private sealed class StepMatter
    {
        public string? Title { get; set; }
        public int? Minutes { get; set; }
        public string? What { get; set; }
        public string? HostSays { get; set; }
    }
}
