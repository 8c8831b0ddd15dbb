using System.Collections.Concurrent;
using System.Net;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Features.Conversations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email.Inbound;
using Microsolidarity.Hub.Testing;
using MimeKit;
using MimeKit.Utils;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Platform.Email.Inbound;

/// <summary>
/// Replies by email on a real IMAP server (Dovecot, one per class) and the hub's real database and outbox: what
/// comes from the confirmed address reaches the feature once, without the quote; anything else is refused, and only
/// a confirmed address ever hears about it. One test goes the whole way with the real conversations feature, from the
/// notification email in the SMTP sink to the post on the thread's page.
/// </summary>
public sealed class ReplyCollectionTests(ReplyCollectionTests.InboundHub fixture) : IClassFixture<ReplyCollectionTests.InboundHub>
{
    private const string Mailbox = "replies@hub.example";

    /// <summary>A Dovecot and a hub reading it, with a feature that takes replies of kind "test-thread".</summary>
    public sealed class InboundHub : IAsyncLifetime
    {
        public DovecotHost Imap { get; private set; } = null!;
        public HubFactory Hub { get; private set; } = null!;
        public ReceivedReplies Received { get; } = new();

        public async Task InitializeAsync()
        {
            Imap = await DovecotHost.StartAsync();
            Hub = await HubFactory.StartAsync(s =>
            {
                s["Email:Inbound:Host"] = "127.0.0.1";
                s["Email:Inbound:Port"] = Imap.Port.ToString();
                s["Email:Inbound:Security"] = "None";
                s["Email:Inbound:Username"] = DovecotHost.User;
                s["Email:Inbound:Password"] = DovecotHost.Password;
                s["Email:Inbound:Address"] = Mailbox;
                s["Email:Inbound:PollInterval"] = "1.00:00:00"; // the tests read the mailbox themselves, never beside the job
            }, services: services =>
            {
                services.AddSingleton(Received);
                services.AddScoped<IEmailReplyTarget, TestThreads>();
            });
        }

        public async Task DisposeAsync()
        {
            await Hub.DisposeAsync();
            await Imap.DisposeAsync();
        }
    }

    /// <summary>Every reply a <see cref="TestThreads"/> took, as it was handed over.</summary>
    public sealed class ReceivedReplies : ConcurrentQueue<EmailReply>;

    /// <summary>A feature's reply target: writes a row in the mailbox's transaction; a thread keyed "closed" refuses.</summary>
    private sealed class TestThreads(HubDbContext db, ReceivedReplies received, TimeProvider time) : IEmailReplyTarget
    {
        public string Kind => "test-thread";

        public async Task<Outcome> ReceiveAsync(EmailReply reply, CancellationToken cancellationToken)
        {
            if (reply.Key == "closed")
            {
                return Outcome.Refused("this thread was closed by its hosts.");
            }
            db.HubSettings.Add(new HubSetting { Key = "test-reply:" + reply.MessageId, Value = reply.Text, UpdatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            received.Enqueue(reply);
            return Outcome.Done;
        }
    }

    private HubFactory Hub => fixture.Hub;

    private async Task<string> AddressForAsync(string key, string userId)
    {
        using var scope = Hub.Services.CreateScope();
        var address = scope.ServiceProvider.GetRequiredService<IEmailReplyAddresses>().AddressFor("test-thread", key, userId)!;
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
        return address;
    }

    private async Task<CollectedReplies> CollectAsync()
    {
        using var scope = Hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CollectReplies>().RunAsync(CancellationToken.None);
    }

    /// <summary>The text of every email the hub queued for <paramref name="address"/>.</summary>
    private async Task<List<string>> EmailsToAsync(string address)
    {
        using var scope = Hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails
            .Where(e => e.ToAddress == address).Select(e => e.TextBody).ToListAsync();
    }

    private static MimeMessage Reply(string from, string to, string text, bool messageId = true)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Re: New post in \"Next gathering\"";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = text };
        message.MessageId = MimeUtils.GenerateMessageId("mail.test.example");
        if (!messageId)
        {
            message.Headers.Remove(HeaderId.MessageId);
        }
        return message;
    }

    /// <summary>Puts messages into the mailbox as a mail server would deliver them; returns the inbox and processed counts after.</summary>
    private async Task<(int Inbox, int Processed)> MailboxAsync(params MimeMessage[] deliver)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", fixture.Imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(DovecotHost.User, DovecotHost.Password);
        foreach (var message in deliver)
        {
            await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None));
        }
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var inbox = client.Inbox.Count;
        var processed = 0;
        if ((await client.GetFolder(client.PersonalNamespaces[0]).GetSubfoldersAsync()).FirstOrDefault(f => f.Name == "Processed") is { } folder)
        {
            await folder.OpenAsync(FolderAccess.ReadOnly);
            processed = folder.Count;
        }
        await client.DisconnectAsync(quit: true);
        return (inbox, processed);
    }

    [Fact]
    public async Task Reply_FromTheConfirmedAddress_IsHandedOverOnceWithoutTheQuote()
    {
        var email = Unique.Email("ana");
        var ana = await Hub.CreatePersonAsync(email, "a long password", name: "Ana");
        var key = Guid.NewGuid().ToString();
        var address = await AddressForAsync(key, ana.Id);
        Assert.Matches("^replies\\+[a-z2-7]{32}@hub\\.example$", address);
        Assert.True(address.IndexOf('@') <= 64, "a mailbox name has at most 64 characters");

        // Sent from the same address in other letters, with Gmail's quote below the answer.
        var first = Reply(email.ToUpperInvariant(), address, """
            I can bring soup on Thursday.

            On Thu, Dec 3, 2026 at 10:04 AM Lisbon Commons Hub <
            replies@hub.example> wrote:

            > Hello Ana,
            > Ben asked who brings food.
            """);
        var noId = Reply(email, address, "And bread.\n\n-- \nAna\n", messageId: false);
        var before = await MailboxAsync(first, noId);
        var collected = await CollectAsync();

        Assert.Equal(new CollectedReplies(HandedOver: 2, Refused: 0, Ignored: 0, AlreadyDone: 0), collected);
        var received = fixture.Received.Where(r => r.Key == key).ToList();
        Assert.Equal(["And bread.", "I can bring soup on Thursday."], received.Select(r => r.Text).Order(StringComparer.Ordinal));
        Assert.All(received, r => Assert.Equal(("test-thread", ana.Id), (r.Kind, r.UserId)));
        Assert.Contains(received, r => r.MessageId == first.MessageId);
        var after = await MailboxAsync();
        Assert.Equal((before.Inbox - 2, before.Processed + 2), after);
        using (var scope = Hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal("I can bring soup on Thursday.", (await db.HubSettings.SingleAsync(s => s.Key == "test-reply:" + first.MessageId)).Value);
            Assert.Equal(2, await db.EmailReplyReceipts.CountAsync(r => r.MessageKey == first.MessageId || r.MessageKey.StartsWith("sha256:")));
        }

        // The same messages delivered again (a server retrying, or a second node that read them first): never twice.
        await MailboxAsync(first, noId);
        Assert.Equal(new CollectedReplies(HandedOver: 0, Refused: 0, Ignored: 0, AlreadyDone: 2), await CollectAsync());
        Assert.Equal(2, fixture.Received.Count(r => r.Key == key));
        Assert.Equal((before.Inbox - 2, before.Processed + 4), await MailboxAsync());
        Assert.Empty(await EmailsToAsync(email));
    }

    [Fact]
    public async Task Reply_FromAForgedAddress_IsRefusedAndOnlyTheConfirmedAddressHears()
    {
        var email = Unique.Email("bea");
        var forger = Unique.Email("forger");
        var bea = await Hub.CreatePersonAsync(email, "a long password", name: "Bea");
        var key = Guid.NewGuid().ToString();
        var address = await AddressForAsync(key, bea.Id);

        await MailboxAsync(Reply(forger, address, "Bea agrees to give all the money away."));
        Assert.Equal(new CollectedReplies(HandedOver: 0, Refused: 1, Ignored: 0, AlreadyDone: 0), await CollectAsync());

        Assert.DoesNotContain(fixture.Received, r => r.Key == key);
        Assert.Empty(await EmailsToAsync(forger));
        Assert.Contains(forger, Assert.Single(await EmailsToAsync(email)));
        await Hub.DrainOutboxAsync();
        var told = await Hub.Smtp!.WaitForAsync(email, "Your reply by email was not posted");
        Assert.Contains("from " + forger + ", not from " + email, told.TextBody);
    }

    [Fact]
    public async Task Replies_ToUnknownAddressesClosedThreadsOrWithoutWords_AreRefusedToConfirmedAddressesOnly()
    {
        var email = Unique.Email("cai");
        var stranger = Unique.Email("stranger");
        var cai = await Hub.CreatePersonAsync(email, "a long password", name: "Cai");
        var closed = await AddressForAsync("closed", cai.Id);
        var open = await AddressForAsync(Guid.NewGuid().ToString(), cai.Id);
        var unknown = $"replies+{ReplyAddresses.NewToken()}@hub.example";

        await MailboxAsync(
            Reply(email, unknown, "Is this the right place?"),
            Reply(stranger, unknown, "Buy cheap watches."),
            Reply(email, closed, "One more thought."),
            Reply(email, open, "On Thu, 3 Dec 2026 at 10:04, Hub <replies@hub.example> wrote:\n> Hello Cai,\n"),
            Reply(email, Mailbox, "To the mailbox itself, not a reply address."));
        Assert.Equal(new CollectedReplies(HandedOver: 0, Refused: 3, Ignored: 2, AlreadyDone: 0), await CollectAsync());

        var told = await EmailsToAsync(email);
        Assert.Equal(3, told.Count);
        Assert.Contains(told, t => t.Contains("reply address it does not know", StringComparison.Ordinal));
        Assert.Contains(told, t => t.Contains("this thread was closed by its hosts.", StringComparison.Ordinal));
        Assert.Contains(told, t => t.Contains("no words of your own", StringComparison.Ordinal));
        Assert.Empty(await EmailsToAsync(stranger));
        using var scope = Hub.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().HubSettings.AnyAsync(s => s.Value == "One more thought."));
    }

    /// <summary>
    /// The whole way with the real conversations: a member who hears of new posts at once answers the notification
    /// from their mail program, quoting it below as mail programs do; one reading of the mailbox posts the answer in
    /// the thread as theirs, without the quote, and tells the others by their own choices; a second reading, or the
    /// same message delivered again, posts nothing more.
    /// </summary>
    [Fact]
    public async Task ConversationNotification_AnsweredByEmail_IsPostedOnceAsTheMember_WithoutTheQuote_AndTheAuthorHears()
    {
        const string password = "a long password";
        async Task<(string Id, string Email, string Name, FormClient Client)> MemberAsync(string name, string defaultMode, string conversations)
        {
            var (email, display) = (Unique.Email(name), Unique.Name(char.ToUpperInvariant(name[0]) + name[1..]));
            var id = (await Hub.CreatePersonAsync(email, password, name: display)).Id;
            var client = await Hub.SignedInClientAsync(email, password);
            var (saved, _) = await client.SubmitAsync("/me/notifications", new Dictionary<string, string>
            {
                ["DefaultMode"] = defaultMode,
                ["Topics[conversations]"] = conversations,
            }, handler: "Choices");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            return (id, email, display, client);
        }
        // Pia starts the thread and hears of posts at once; Ash hears of conversations at once though everything else
        // waits for his digest; Kai reads conversations on the hub only.
        var pia = await MemberAsync("pia", "EmailAtOnce", "EmailAtOnce");
        var ash = await MemberAsync("ash", "DailyDigest", "EmailAtOnce");
        var kai = await MemberAsync("kai", "EmailAtOnce", "HubOnly");
        var slug = SlugOf(await CreateAsync(pia.Client, Unique.Name("Millbrook")));
        foreach (var member in new[] { ash, kai })
        {
            await member.Client.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        }
        var title = Unique.Name("Lifts to the spring gathering");
        var (started, startedPage) = await pia.Client.SubmitAsync($"/congregations/{slug}/conversations/new", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Text"] = "Who can **drive** from the station on Saturday?\n\n- two seats needed\n- leaving at nine",
        });
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, startedPage.QuerySelector("main")?.TextContent);
        var path = started.Headers.Location!.OriginalString;
        var threadId = Guid.Parse(path.Split('/')[^1]);
        await Hub.DrainOutboxAsync();

        // Ash's notification carries a reply address of this hub's mailbox and the thread's root id.
        var notification = await Hub.Smtp!.WaitForAsync(ash.Email, title);
        var replyAddress = Assert.Single(notification.ReplyTo.Mailboxes).Address;
        Assert.Matches("^replies\\+[a-z2-7]{32}@hub\\.example$", replyAddress);
        Assert.Contains("Who can drive from the station", notification.TextBody);

        // His answer, as a mail program writes it: to the Reply-To, in the thread by In-Reply-To and References, from
        // his confirmed address, his words on top and the whole notification quoted below its attribution line.
        var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress(ash.Name, ash.Email));
        answer.To.Add(new MailboxAddress(notification.ReplyTo.Mailboxes.Single().Name, replyAddress));
        answer.Subject = "Re: " + notification.Subject;
        answer.Date = DateTimeOffset.UtcNow;
        answer.MessageId = MimeUtils.GenerateMessageId("mail.test.example");
        var notificationId = Assert.IsType<string>(notification.MessageId);
        answer.InReplyTo = notificationId;
        foreach (var reference in notification.References.Append(notificationId))
        {
            answer.References.Add(reference);
        }
        var quoted = Assert.IsType<string>(notification.TextBody).ReplaceLineEndings("\n").TrimEnd().Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line);
        answer.Body = new TextPart("plain")
        {
            Text = $"I can take two, leaving the station at nine.\n\nMy car is the **green** one.\n\n"
                + $"On {notification.Date:ddd, d MMM yyyy 'at' HH:mm}, {notification.From.Mailboxes.First().Name} <{notification.From.Mailboxes.First().Address}> wrote:\n"
                + string.Join("\n", quoted) + "\n",
        };
        await MailboxAsync(answer);
        Assert.Equal(new CollectedReplies(HandedOver: 1, Refused: 0, Ignored: 0, AlreadyDone: 0), await CollectAsync());

        // The thread shows it as Ash's post, his Markdown rendered, nothing of the quote.
        var (_, thread) = await kai.Client.GetAsync(path);
        var posts = thread.QuerySelectorAll(".conversation-post").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(ash.Name, posts[1].QuerySelector(".post-meta strong")!.TextContent.Trim());
        var prose = posts[1].QuerySelector(".prose")!;
        Assert.Equal("I can take two, leaving the station at nine.\nMy car is the green one.", string.Join("\n", prose.QuerySelectorAll("p").Select(p => p.TextContent.Trim())));
        Assert.Equal("green", prose.QuerySelector("strong")?.TextContent);
        Assert.DoesNotContain("wrote:", posts[1].TextContent);
        Assert.DoesNotContain("Who can", posts[1].TextContent);

        // Pia, whose choice is "at once", has it by email, in her copy of the thread, with a reply address of her own.
        await Hub.DrainOutboxAsync();
        var heard = await Hub.Smtp.WaitForAsync(pia.Email, "Re: " + title);
        Assert.Contains("I can take two, leaving the station at nine.", heard.TextBody);
        Assert.DoesNotContain("wrote:", heard.TextBody);
        Assert.Equal(ConversationNotices.RootId(threadId, pia.Id), heard.InReplyTo!.Split('@')[0]);
        var piaReplyAddress = Assert.Single(heard.ReplyTo.Mailboxes).Address;
        Assert.Matches("^replies\\+[a-z2-7]{32}@hub\\.example$", piaReplyAddress);
        Assert.NotEqual(replyAddress, piaReplyAddress);
        // Kai, who reads conversations on the hub only, has both posts in his notifications and no email; Ash is not told of his own post.
        using (var scope = Hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var told = await db.Notifications.Where(n => n.Url.StartsWith(path + "#")).Select(n => new { n.UserId, n.Email }).ToListAsync();
            Assert.Equal(2, told.Count(n => n.UserId == kai.Id && n.Email == NotificationEmail.NotEmailed));
            Assert.Single(told, n => n.UserId == ash.Id);
            Assert.Single(told, n => n.UserId == pia.Id && n.Email == NotificationEmail.Emailed);
        }
        Assert.Empty(await EmailsToAsync(kai.Email));
        Assert.Single(await EmailsToAsync(ash.Email));

        // Read again: nothing new. The same message delivered again: known, not posted twice, nobody told twice.
        Assert.Equal(new CollectedReplies(HandedOver: 0, Refused: 0, Ignored: 0, AlreadyDone: 0), await CollectAsync());
        await MailboxAsync(answer);
        Assert.Equal(new CollectedReplies(HandedOver: 0, Refused: 0, Ignored: 0, AlreadyDone: 1), await CollectAsync());
        (_, thread) = await pia.Client.GetAsync(path);
        Assert.Equal(2, thread.QuerySelectorAll(".conversation-post").Length);
        Assert.Single(await EmailsToAsync(pia.Email));
        Assert.Single(await EmailsToAsync(ash.Email));
    }

    [Fact]
    public async Task Settings_IncompleteMailbox_RefuseToStartSayingWhich()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubFactory.StartAsync(s =>
        {
            s["Email:Inbound:Host"] = "imap.hub.example";
            s["Email:Inbound:Address"] = "replies+x@hub.example";
        }, smtp: false));
        var messages = Messages(refused);
        Assert.Contains("Email:Inbound:Address must be the mailbox's plain address", messages);
        Assert.Contains("Email:Inbound:Username must be set", messages);
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);
}
