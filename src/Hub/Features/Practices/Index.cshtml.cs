using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/practices: the library, filtered by scale and time, or searched. Public; a member also finds their congregations' own practices, filtered alike.</summary>
public sealed class PracticesIndexModel(ReadPractices practices) : PageModel
{
    public IReadOnlyList<Practice> Shown { get; private set; } = [];

    /// <summary>The viewer's congregations' own practices that fit the filters (none for a visitor).</summary>
    public IReadOnlyList<(string Congregation, string CongregationSlug, Practice Practice)> Ours { get; private set; } = [];
    public int Total { get; private set; }
    public Scale? Scale { get; private set; }
    public int? Time { get; private set; }
    public string Query { get; private set; } = "";

    public bool Filtered => Scale is not null || Time is not null || Query != "";

    public async Task OnGetAsync(string? scale, int? time, string? q, CancellationToken cancel)
    {
        var all = await practices.AllAsync(cancel);
        Total = all.Count;
        Scale = Enum.TryParse<Scale>(scale, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Time = time is { } t && ReadPractices.TimeLimits.Contains(t) ? t : null;
        Query = (q ?? "").Trim();
        if (Query.Length > 200)
        {
            Query = Query[..200];
        }
        var found = Query == "" ? all : ReadPractices.Search(all, Query);
        Shown = [.. ReadPractices.Filter(found, Scale, Time)];
        if (User.Identity?.IsAuthenticated == true && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
        {
            var ours = await practices.OfMemberAsync(me, cancel);
            var fits = ReadPractices.Filter(Query == "" ? ours.Select(o => o.Practice) : ReadPractices.Search(ours.Select(o => o.Practice), Query), Scale, Time).ToHashSet();
            Ours = [.. ours.Where(o => fits.Contains(o.Practice))];
        }
    }
}
