using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>What the plan editor's rows need: the rows, the practices to choose from, and the page for its errors.</summary>
public sealed record PlanEditor(IReadOnlyList<PlanRow> Rows, IReadOnlyList<Practice> Practices, HubPageModel Page)
{
    /// <summary>The practices a crew may plan: those for crews, and any already in the plan.</summary>
    public static IReadOnlyList<Practice> ForCrews(IReadOnlyList<Practice> all, IEnumerable<PlanRow> rows)
    {
        var planned = rows.Select(r => r.Slug).ToHashSet();
        return [.. all.Where(p => p.Scales.Contains(Scale.Crew) || planned.Contains(p.Slug))];
    }
}
