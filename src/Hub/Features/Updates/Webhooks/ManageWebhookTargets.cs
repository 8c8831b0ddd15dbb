using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

/// <summary>Adds and removes chat targets (administrators only; the page checks).</summary>
public sealed class ManageWebhookTargets(HubDbContext db, IOptions<UpdatesOptions> options, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public static readonly string[] AllKinds = [Announcement.NewEvent, Announcement.Newsletter, Announcement.Episode];

    public sealed record Input(string Name, WebhookFormat Format, string Url, string? Secret, IReadOnlyList<string> Kinds);

    public async Task<(Outcome Outcome, string? Secret)> AddAsync(Input input, CancellationToken cancellationToken)
    {
        var name = (input.Name ?? "").Trim();
        if (name.Length is 0 or > 120)
        {
            return (Outcome.Refused(strings["Updates.Refused.TargetName"], "Name"), null);
        }
        if (!Uri.TryCreate((input.Url ?? "").Trim(), UriKind.Absolute, out var url) || (url.Scheme != "https" && url.Scheme != "http") || url.OriginalString.Length > 1000)
        {
            return (Outcome.Refused(strings["Updates.Refused.TargetAddress"], "Address"), null);
        }
        var kinds = input.Kinds.Where(AllKinds.Contains).Distinct().ToList();
        if (kinds.Count == 0)
        {
            return (Outcome.Refused(strings["Updates.Refused.TargetKinds"], "Kinds"), null);
        }
        var secret = (input.Secret ?? "").Trim();
        if (input.Format == WebhookFormat.Matrix && secret.Length == 0)
        {
            return (Outcome.Refused(strings["Updates.Refused.MatrixToken"], "Secret"), null);
        }
        // Checked again at every delivery, on the address actually connected to; saying so now spares a log of failures.
        if (!options.Value.AllowPrivateWebhookTargets && await OutboundAddresses.FirstNonPublicAsync(url.DnsSafeHost, cancellationToken) is { } inside)
        {
            return (Outcome.Refused(
                strings[IPAddress.IsLoopback(inside) ? "Updates.Refused.TargetIsThisServer" : "Updates.Refused.TargetIsPrivate", inside.ToString()],
                "Address"), null);
        }
        if (input.Format == WebhookFormat.Generic && secret.Length == 0)
        {
            // Generated when not given: the receiver needs it to check signatures, so it is shown once.
            secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }
        db.WebhookTargets.Add(new WebhookTarget
        {
            Id = Guid.NewGuid(),
            Name = name,
            Format = input.Format,
            Url = url.OriginalString,
            Secret = secret,
            Kinds = string.Join(',', kinds),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, input.Format == WebhookFormat.Generic ? secret : null);
    }

    /// <summary>Stops future deliveries and pending retries; the log stays readable.</summary>
    public async Task<Outcome> RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var target = await db.WebhookTargets.SingleOrDefaultAsync(t => t.Id == id && t.RemovedAt == null, cancellationToken);
        if (target is null)
        {
            return Outcome.Refused(strings["Updates.Refused.TargetRemoved"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        target.RemovedAt = now;
        await db.WebhookDeliveries.Where(d => d.TargetId == id && d.DeliveredAt == null && d.FailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.FailedAt, now).SetProperty(d => d.LastError, "The target was removed."), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
