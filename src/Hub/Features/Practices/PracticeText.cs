using Markdig;
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

    public static Parsed Parse(string slug, string text, PracticeSource source = PracticeSource.File)
    {
        var problems = new List<string>();
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new Parsed(null, ["The text starts with a line of three dashes (---), then the front matter, then another line of three dashes."]);
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return new Parsed(null, ["The front matter has no closing line of three dashes (---)."]);
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
            return new Parsed(null, [$"The front matter could not be read near line {e.Start.Line + 1}: {FirstLine(e.InnerException?.Message ?? e.Message)}"]);
        }

        Require(matter.Title, "a title", problems);
        Require(matter.Purpose, "a purpose (what the practice is for)", problems);
        var scales = new List<Scale>();
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
                problems.Add($"“{name}” is not a scale: use self, dyad, crew, congregation or network.");
            }
        }
        if (scales.Count == 0 && !problems.Any(p => p.Contains("is not a scale", StringComparison.Ordinal)))
        {
            problems.Add("It needs the scales it suits (scales: [crew, congregation]).");
        }
        if (matter.Minutes is not > 0)
        {
            problems.Add("It needs its time in minutes (minutes: 15).");
        }
        var steps = new List<PracticeStep>();
        foreach (var (step, index) in (matter.Steps ?? []).Select((s, i) => (s, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(step.Title))
            {
                problems.Add($"Step {index} needs a title.");
            }
            if (step.Minutes is not > 0)
            {
                problems.Add($"Step {index} needs its minutes (minutes: 5).");
            }
            if (string.IsNullOrWhiteSpace(step.HostSays))
            {
                problems.Add($"Step {index} needs what the host says (host_says).");
            }
            steps.Add(new PracticeStep(Clean(step.Title), step.Minutes ?? 0, Clean(step.What), Clean(step.HostSays)));
        }
        if (steps.Count == 0)
        {
            problems.Add("It needs at least one step.");
        }
        else if (matter.Minutes is > 0 && steps.Sum(s => s.Minutes) != matter.Minutes)
        {
            problems.Add($"Its steps add up to {steps.Sum(s => s.Minutes)} minutes, but its time says {matter.Minutes}: make them agree.");
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

    private static void Require(string? value, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"It needs {what}.");
        }
    }

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
