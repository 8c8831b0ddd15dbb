using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// Hosts publish a new version of the congregation's agreements (Markdown). Earlier versions are kept; members who
/// accepted an earlier one are asked, by a notice on the congregation's pages, to read and accept again. The hosts
/// who publish accept it themselves.
/// </summary>
public sealed class PublishAgreements(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, string? text, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.AgreementsOnlyHosts"]);
        }
        var words = (text ?? "").Trim();
        if (words.Length == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.WriteAgreements"], "Text");
        }
        if (words.Length > ConcernLimits.Agreements)
        {
            return Outcome.Refused(strings["Congregations.Refused.AgreementsLength", ConcernLimits.Agreements.ToString("N0", DateFormats.Culture), words.Length.ToString("N0", DateFormats.Culture)], "Text");
        }
        var c = view.Congregation;
        var current = await db.CongregationAgreements.AsNoTracking().Where(a => a.CongregationId == c.Id)
            .OrderByDescending(a => a.PublishedAt).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        if (current == words)
        {
            return Outcome.Refused(strings["Congregations.Refused.AgreementsSame"], "Text");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CongregationAgreements.Add(new CongregationAgreement { Id = Guid.NewGuid(), CongregationId = c.Id, Text = words, PublishedAt = now });
        var congregation = await db.Congregations.SingleAsync(x => x.Id == c.Id, cancellationToken);
        congregation.AgreementsPublishedAt = now;
        HostActions.Record(db, c.Id, view.UserId, StoredWords.Of(current is null ? "Log.Congregation.AgreementsPublished" : "Log.Congregation.AgreementsChanged"), "", now);
        // The host who publishes them has accepted them; saved through the change tracker, so the kept copy of their
        // membership (CongregationAccess) is emptied with the congregation's.
        if (view.Membership is { } mine && await db.Memberships.SingleOrDefaultAsync(m => m.Id == mine.Id, cancellationToken) is { } own)
        {
            own.AgreementsAcceptedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
