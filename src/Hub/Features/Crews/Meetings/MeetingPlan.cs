using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Practices;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>One practice of a meeting's plan and the minutes the crew gives it.</summary>
public sealed record PlanStep(string Slug, int Minutes);

/// <summary>A row of the plan editor: a practice (empty to leave the row out) and its minutes.</summary>
public sealed class PlanRow
{
    public string? Slug { get; set; }
    public int? Minutes { get; set; }
}

/// <summary>
/// A meeting's plan as stored ("check-in:12;case-clinic:55;check-out:7"): the practices in order, each with its
/// minutes. The hub's default is the crew meeting of the practice: a check-in, the focus person's case clinic, a check-out.
/// </summary>
public static class MeetingPlan
{
    public const string Default = "check-in:12;case-clinic:55;check-out:7";
    public const int MaxSteps = 8;
    public const int MaxMinutes = 180;
    public const int MaxTotalMinutes = 300;

    public static IReadOnlyList<PlanStep> Parse(string? text)
    {
        var steps = new List<PlanStep>();
        foreach (var part in (string.IsNullOrWhiteSpace(text) ? Default : text).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon > 0 && int.TryParse(part[(colon + 1)..], out var minutes) && minutes > 0)
            {
                steps.Add(new PlanStep(part[..colon], minutes));
            }
        }
        return steps.Count == 0 ? Parse(Default) : steps;
    }

    public static string Format(IEnumerable<PlanStep> steps) => string.Join(';', steps.Select(s => $"{s.Slug}:{s.Minutes}"));

    /// <summary>The editor's rows for a plan, with empty rows to add practices up to <see cref="MaxSteps"/>.</summary>
    public static List<PlanRow> Rows(IReadOnlyList<PlanStep> steps) =>
        [.. steps.Select(s => new PlanRow { Slug = s.Slug, Minutes = s.Minutes }), .. Enumerable.Range(0, Math.Max(0, Math.Min(3, MaxSteps - steps.Count))).Select(_ => new PlanRow())];

    /// <summary>The rows a person filled in, as a plan; or every problem, each on its row's field.</summary>
    public static (IReadOnlyList<PlanStep>? Steps, Platform.Outcome? Refusal) Read(IReadOnlyList<PlanRow>? rows, IReadOnlyList<Practice> practices, IStringLocalizer strings)
    {
        var problems = new List<(string, string)>();
        var steps = new List<PlanStep>();
        var slugs = practices.Select(p => p.Slug).ToHashSet();
        for (var i = 0; i < (rows?.Count ?? 0) && i < MaxSteps + 3; i++)
        {
            var row = rows![i];
            if (string.IsNullOrWhiteSpace(row.Slug))
            {
                continue;
            }
            if (!slugs.Contains(row.Slug))
            {
                problems.Add(($"Rows[{i}].Slug", strings["Meetings.Ops.ChoosePractice"]));
                continue;
            }
            var minutes = row.Minutes ?? practices.First(p => p.Slug == row.Slug).Minutes;
            if (minutes is < 1 or > MaxMinutes)
            {
                problems.Add(($"Rows[{i}].Minutes", strings["Meetings.Ops.MinutesRange", MaxMinutes]));
                continue;
            }
            steps.Add(new PlanStep(row.Slug, minutes));
        }
        if (problems.Count == 0 && steps.Count == 0)
        {
            problems.Add(("", strings["Meetings.Ops.OnePractice"]));
        }
        if (steps.Count > MaxSteps)
        {
            problems.Add(("", strings["Meetings.Ops.MaxSteps", MaxSteps]));
        }
        if (steps.Sum(s => s.Minutes) > MaxTotalMinutes)
        {
            problems.Add(("", strings["Meetings.Ops.TooLong", Practice.Duration(steps.Sum(s => s.Minutes), strings), Practice.Duration(MaxTotalMinutes, strings)]));
        }
        return Platform.Outcome.RefusedAll(problems) is { } refusal ? (null, refusal) : (steps, null);
    }

    /// <summary>"Check-in round (12 min) → Case clinic (55 min) → Check-out round (7 min)", the times in the current language.</summary>
    public static string Describe(IReadOnlyList<PlanStep> steps, IReadOnlyList<Practice> practices, Microsoft.Extensions.Localization.IStringLocalizer strings) =>
        string.Join(" → ", steps.Select(s => $"{practices.FirstOrDefault(p => p.Slug == s.Slug)?.Title ?? s.Slug} ({Practice.Duration(s.Minutes, strings)})"));
}
