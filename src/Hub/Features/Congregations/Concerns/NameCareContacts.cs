using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// Hosts name the congregation's care contacts (two members, who may or may not be hosts) and how many days they
/// have to acknowledge a concern. Naming is recorded among the hosts' actions.
/// </summary>
public sealed class NameCareContacts(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int Count = 2;

    public async Task<Outcome> RunAsync(CongregationView view, IReadOnlyList<string?> people, int? days, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.ContactsOnlyHosts"]);
        }
        if (days is not { } d || d < ConcernLimits.MinDays || d > ConcernLimits.MaxDays)
        {
            return Outcome.Refused(strings["Congregations.Refused.ContactDays", ConcernLimits.MinDays, ConcernLimits.MaxDays], "Days");
        }
        var chosen = people.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).Distinct().ToList();
        if (chosen.Count > Count)
        {
            return Outcome.Refused(strings["Congregations.Refused.AtMostTwo"], "Contacts");
        }
        if (people.Count(p => !string.IsNullOrWhiteSpace(p)) != chosen.Count)
        {
            return Outcome.Refused(strings["Congregations.Refused.TwoDifferent"], "Contacts");
        }
        var c = view.Congregation;
        var members = await db.Memberships.Where(m => m.CongregationId == c.Id && (m.IsCareContact || chosen.Contains(m.UserId)))
            .Include(m => m.User).ToListAsync(cancellationToken);
        if (chosen.Any(p => members.All(m => m.UserId != p)))
        {
            return Outcome.Refused(strings["Congregations.Refused.ContactsMembers"], "Contacts");
        }
        var congregation = await db.Congregations.SingleAsync(x => x.Id == c.Id, cancellationToken);
        var before = members.Where(m => m.IsCareContact).Select(m => m.UserId).Order().ToList();
        foreach (var m in members)
        {
            m.IsCareContact = chosen.Contains(m.UserId);
        }
        congregation.ConcernAcknowledgeDays = d;
        if (!before.SequenceEqual(chosen.Order()))
        {
            var names = members.Where(m => m.IsCareContact).Select(m => m.User.DisplayName).ToList();
            HostActions.Record(db, c.Id, view.UserId, names.Count == 0 ? StoredWords.Of("Log.Congregation.NoCareContacts") : StoredWords.Of("Log.Congregation.CareContacts", StoredWords.List(names)), "",
                time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
