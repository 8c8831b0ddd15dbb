using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// What hosts did to an event, so that the others hosting it know ("never host alone" needs hosts who can see
/// each other's moves). Operations add a line in their own unit of work; the line is saved with the change. A line is
/// <see cref="StoredWords"/> (a key and what it names), said in each host's language; lines written before are English.
/// </summary>
public static class HostLog
{
    public static void Record(HubDbContext db, Guid eventId, string? byUserId, string what, DateTime at, string reason = "") =>
        db.EventHostActions.Add(new EventHostAction { Id = Guid.NewGuid(), EventId = eventId, ByUserId = byUserId ?? "", What = StoredWords.Fit(what, 300), Reason = reason, At = at });
}
