using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using MimeKit;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

/// <summary>What one reading of the mailbox did: replies handed to their feature, replies refused, messages set aside.</summary>
public sealed record CollectedReplies(int HandedOver, int Refused, int Ignored, int AlreadyDone);

/// <summary>
/// Reads the unseen messages of the inbound mailbox and hands each genuine reply to the feature it answers. A reply
/// counts when its reply address names a known, unexpired <see cref="EmailReplyAddress"/> and it comes from the
/// confirmed address of the person that email went to. Anything else is refused with a short email to that
/// person's confirmed address (never to the sender as written, which anyone can forge), or set aside in silence when
/// no member can be told (no reply address, an automatic answer, an unknown sender).
/// Each message is claimed by an <see cref="EmailReplyReceipt"/> inserted in the transaction that writes the reply,
/// so two web nodes reading the mailbox at once post it once; then it is moved to the processed folder, which
/// keeps what came in for the operator to look at, where deleting it would lose a refused reply for good.
/// </summary>
public sealed class CollectReplies(
    HubDbContext db,
    IOptions<InboundOptions> options,
    IEnumerable<IEmailReplyTarget> targets,
    EmailOutbox outbox,
    EmailTemplates templates,
    PublicAddress address,
    TimeProvider time,
    IStringLocalizer<Strings> strings,
    ILogger<CollectReplies> logger)
{
    private enum Result { HandedOver, Refused, Ignored, AlreadyDone, TryAgain }

    public async Task<CollectedReplies> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var counts = new Dictionary<Result, int>();
        using (var client = new ImapClient())
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.SocketOptions(), cancellationToken);
            await client.AuthenticateAsync(settings.Username!, settings.Password ?? "", cancellationToken);
            var inbox = client.Inbox;
            await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            var unseen = await inbox.SearchAsync(SearchQuery.NotSeen, cancellationToken);
            if (unseen.Count > 0)
            {
                var processed = await ProcessedFolderAsync(client, settings.ProcessedFolder, cancellationToken);
                foreach (var uid in unseen)
                {
                    // Read with BODY.PEEK: a message that fails here stays unseen and is read again next time.
                    var message = await inbox.GetMessageAsync(uid, cancellationToken);
                    var result = await HandleAsync(message, cancellationToken);
                    counts[result] = counts.GetValueOrDefault(result) + 1;
                    if (result != Result.TryAgain)
                    {
                        await MoveAsync(inbox, uid, processed, cancellationToken);
                    }
                }
            }
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        await ForgetOldAsync(settings, cancellationToken);
        return new(counts.GetValueOrDefault(Result.HandedOver), counts.GetValueOrDefault(Result.Refused),
            counts.GetValueOrDefault(Result.Ignored), counts.GetValueOrDefault(Result.AlreadyDone));
    }

    private async Task<Result> HandleAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var key = await MessageKeyAsync(message, cancellationToken);
        if (await db.EmailReplyReceipts.AnyAsync(r => r.MessageKey == key, cancellationToken))
        {
            return Result.AlreadyDone;
        }
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        if (IsAutomatic(message))
        {
            // Never answer an out-of-office or a bounce: two robots would write to each other for ever.
            return await SetAsideAsync(key, "ignored: an automatic message", cancellationToken);
        }
        var (local, domain) = options.Value.Mailbox();
        var token = RecipientsOf(message).Select(a => ReplyAddresses.TokenIn(a, local, domain)).FirstOrDefault(t => t is not null);
        if (token is null)
        {
            return await SetAsideAsync(key, "ignored: not sent to a reply address", cancellationToken);
        }
        var row = await db.EmailReplyAddresses.AsNoTracking().SingleOrDefaultAsync(a => a.Token == token, cancellationToken);
        if (row is null)
        {
            // Only a member's confirmed address hears about it; a stranger's (or a forged) address gets nothing.
            var normalized = from.ToUpperInvariant(); // as Identity normalises addresses
            var member = await db.Users.AsNoTracking()
                .Where(u => u.EmailConfirmed && u.NormalizedEmail == normalized)
                .Select(u => new { u.Email, u.DisplayName, u.Language }).FirstOrDefaultAsync(cancellationToken);
            return await RefuseAsync(key, "refused: unknown reply address", member?.Email, member?.DisplayName, member?.Language,
                () => strings["Email.Reply.UnknownAddress"], cancellationToken);
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == row.UserId)
            .Select(u => new { u.Email, u.DisplayName, u.EmailConfirmed, u.Language }).SingleOrDefaultAsync(cancellationToken);
        var confirmed = person is { EmailConfirmed: true } ? person.Email : null;
        if (time.GetUtcNow().UtcDateTime > row.CreatedAt + options.Value.AddressLifetime)
        {
            return await RefuseAsync(key, "refused: the reply address has expired", confirmed, person?.DisplayName, person?.Language,
                () => strings["Email.Reply.Expired", DateFormats.Format(row.CreatedAt, "d MMMM yyyy")], cancellationToken);
        }
        if (confirmed is null || !string.Equals(from, confirmed, StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(key, "refused: not from the confirmed address", confirmed, person?.DisplayName, person?.Language,
                () => from == "" ? strings["Email.Reply.NoSender", confirmed!] : strings["Email.Reply.OtherSender", from, confirmed!], cancellationToken);
        }
        var text = message.TextBody is { } plain ? ReplyText.Strip(plain)
            : message.HtmlBody is { } html ? ReplyText.FromHtml(html) : "";
        if (text.Length == 0)
        {
            return await RefuseAsync(key, "refused: no text of its own", confirmed, person!.DisplayName, person.Language,
                () => strings["Email.Reply.NoText"], cancellationToken);
        }
        var target = targets.FirstOrDefault(t => t.Kind == row.Kind);
        if (target is null)
        {
            return await RefuseAsync(key, $"refused: nothing takes replies of kind {row.Kind}", confirmed, person!.DisplayName, person.Language,
                () => strings["Email.Reply.NoLonger"], cancellationToken);
        }
        // Received now: the Date header is whatever the sender's program (or a forger) wrote.
        var reply = new EmailReply(row.Kind, row.Key, row.UserId, text, message.MessageId ?? key, time.GetUtcNow().UtcDateTime);
        Outcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await ClaimAsync(key, "handed over", cancellationToken))
            {
                return Result.AlreadyDone;
            }
            try
            {
                outcome = await target.ReceiveAsync(reply, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                logger.LogWarning(e, "The {Kind} target failed on reply {MessageKey}; it stays in the mailbox for the next reading.", row.Kind, key);
                return Result.TryAgain;
            }
            if (outcome.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken); // whatever the target added and left to its caller to save
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Handed reply {MessageKey} to {Kind} {Key}.", key, row.Kind, row.Key);
                return Result.HandedOver;
            }
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
        // The feature's reason is in its own words (features refuse in English so far); the sentence around it is the member's.
        return await RefuseAsync(key, "refused by " + row.Kind, confirmed, person!.DisplayName, person.Language,
            () => strings["Email.Reply.Refused", outcome.Message], cancellationToken);
    }

    /// <summary>Records the message as dealt with, without a word to anyone.</summary>
    private async Task<Result> SetAsideAsync(string key, string why, CancellationToken cancellationToken) =>
        await RefuseAsync(key, why, null, null, null, () => "", cancellationToken) == Result.AlreadyDone ? Result.AlreadyDone : Result.Ignored;

    /// <summary>Records the message as dealt with and, when a member can be told, tells them why in the same transaction.</summary>
    /// <param name="explanation">Written inside the member's <see cref="RecipientLanguage"/> scope.</param>
    private async Task<Result> RefuseAsync(string key, string why, string? to, string? name, string? language, Func<string> explanation,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(key, why, cancellationToken))
        {
            return Result.AlreadyDone;
        }
        if (to is not null)
        {
            using var scope = RecipientLanguage.Of(language);
            outbox.Enqueue(templates.Compose(to, name ?? "", strings["Email.Reply.Subject"], [explanation()],
                (strings["Email.Reply.Action"], address.Absolute("/me/notifications")),
                strings["Email.Reply.Footer"]));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Reply {MessageKey}: {Result}.", key, why);
        if (to is not null)
        {
            outbox.Wake();
        }
        return to is null ? Result.Ignored : Result.Refused;
    }

    /// <summary>
    /// Inserts the message's receipt inside the open transaction; false when another node's is already there (its
    /// insert wins the unique key, and this one waits for it and fails).
    /// </summary>
    private async Task<bool> ClaimAsync(string key, string result, CancellationToken cancellationToken)
    {
        db.EmailReplyReceipts.Add(new EmailReplyReceipt { MessageKey = key, ProcessedAt = time.GetUtcNow().UtcDateTime, Result = result });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await db.Database.RollbackTransactionAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await db.EmailReplyReceipts.AnyAsync(r => r.MessageKey == key, cancellationToken))
            {
                return false;
            }
            throw;
        }
    }

    /// <summary>The Message-ID, or a hash of the whole message when it has none (or one too long to keep).</summary>
    private static async Task<string> MessageKeyAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (message.MessageId is { Length: > 0 and <= 250 } id)
        {
            return id;
        }
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream, cancellationToken);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    /// <summary>Out-of-office answers, bounces and list traffic say so in their headers (RFC 3834 and older habits).</summary>
    private static bool IsAutomatic(MimeMessage message)
    {
        var auto = message.Headers["Auto-Submitted"];
        var precedence = message.Headers["Precedence"]?.Trim().ToLowerInvariant();
        var from = message.From.Mailboxes.FirstOrDefault()?.LocalPart.ToLowerInvariant() ?? "";
        return (auto is not null && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            || precedence is "bulk" or "junk" or "list" or "auto_reply"
            || message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond")
            || from is "mailer-daemon" or "postmaster" || from.Length == 0;
    }

    /// <summary>Every address the message was sent to: its headers, and what mail servers add about the envelope.</summary>
    private static IEnumerable<string> RecipientsOf(MimeMessage message)
    {
        foreach (var mailbox in message.To.Mailboxes.Concat(message.Cc.Mailboxes))
        {
            yield return mailbox.Address;
        }
        foreach (var header in message.Headers.Where(h => h.Field is "Delivered-To" or "X-Original-To" or "Envelope-To" or "X-Envelope-To"))
        {
            if (InternetAddressList.TryParse(header.Value, out var list))
            {
                foreach (var mailbox in list.Mailboxes)
                {
                    yield return mailbox.Address;
                }
            }
        }
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        try
        {
            return await root.GetSubfolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            try
            {
                return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                    ?? throw new InvalidOperationException($"The IMAP server did not make the folder {name}.");
            }
            catch (ImapCommandException)
            {
                return await root.GetSubfolderAsync(name, cancellationToken); // another node made it first
            }
        }
    }

    private async Task MoveAsync(IMailFolder inbox, UniqueId uid, IMailFolder processed, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.MoveToAsync(uid, processed, cancellationToken);
        }
        catch (ImapCommandException e)
        {
            // Another node moved it first; its receipt keeps it from being handled again either way.
            logger.LogDebug(e, "Could not move message {Uid} to {Folder}.", uid, processed.FullName);
        }
    }

    /// <summary>Forgets reply addresses past their lifetime (a month later, so a late reply is still told it expired), and old receipts.</summary>
    private async Task ForgetOldAsync(InboundOptions settings, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime - settings.AddressLifetime - TimeSpan.FromDays(30);
        await db.EmailReplyAddresses.Where(a => a.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        await db.EmailReplyReceipts.Where(r => r.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
