using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Features.Conversations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Conversations;

/// <summary>
/// Conversations through their pages and their operations, on the database under test: starting and replying,
/// who may read (a congregation's members; a crew's and a pair's people alone, administrators included), mentions
/// that reach members and never outsiders, editing with history, deleting in place, reactions, closing and hiding,
/// the notification emails' thread headers, and replies that come back by email.
/// </summary>
public sealed class ConversationTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "keeper of the fire";
    private HubFactory Hub => shared.Hub;

    private sealed record Person(string Id, string Email, string Name, FormClient Client);

    private async Task<Person> PersonAsync(string name, bool admin = false)
    {
        var email = Unique.Email(name);
        var display = Unique.Name($"{char.ToUpperInvariant(name[0])}{name[1..]}");
        var id = (await Hub.CreatePersonAsync(email, Password, admin, display)).Id;
        return new Person(id, email, display, await Hub.SignedInClientAsync(email, Password));
    }

    private async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = Hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static async Task<string> StartAsync(FormClient client, string basePath, string title, string text)
    {
        var (response, page) = await client.SubmitAsync($"{basePath}/new", new Dictionary<string, string> { ["Title"] = title, ["Text"] = text });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return response.Headers.Location!.OriginalString;
    }

    private static Guid ThreadIdOf(string path) => Guid.Parse(path.Split('/').Last());

    private async Task<(string Slug, Guid Id)> CongregationAsync(Person host, params Person[] members)
    {
        var slug = SlugOf(await CreateAsync(host.Client, Unique.Name("Quill Valley")));
        foreach (var member in members)
        {
            await member.Client.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), handler: "Join");
        }
        return (slug, await DbAsync(db => db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync()));
    }

    [Fact]
    public async Task WorkingGroupThread_IsTheGroupsAlone_ItsMembersHearOfItAndMayCloseIt()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var kai = await PersonAsync("kai");
        var (slug, congregationId) = await CongregationAsync(pia, ash, kai);
        // Ash starts a working group and Kai joins it; Pia, the congregation's host, stays out.
        var groups = $"/congregations/{slug}/working-groups";
        var (started, _) = await ash.Client.SubmitAsync(groups, new Dictionary<string, string>
        {
            ["Name"] = "Autumn gathering",
            ["Purpose"] = "Plan the autumn gathering.",
            ["EndsOn"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd"),
        }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var groupId = await DbAsync(db => db.WorkingGroups.Where(g => g.CongregationId == congregationId).Select(g => g.Id).SingleAsync());
        await kai.Client.SubmitAsync(groups, new Dictionary<string, string>(), handler: "Join");
        var conversations = $"{groups}/{groupId}/conversations";
        var (_, list) = await ash.Client.GetAsync(groups);
        Assert.NotNull(list.QuerySelector($"a[href='{conversations}']"));

        var path = await StartAsync(ash.Client, conversations, "Who brings the tea urn?", "I can bring cups; who has an urn?");
        Assert.StartsWith(conversations + "/", path);
        var (_, thread) = await ash.Client.GetAsync(path);
        Assert.Contains(thread.QuerySelectorAll($"a[href='/congregations/{slug}/working-groups']"),
            a => a.TextContent.Contains("The working group Autumn gathering", StringComparison.Ordinal)); // whose threads these are, and the way back
        Assert.Equal(new[] { kai.Id }, await DbAsync(db => db.Notifications.Where(n => n.Url.StartsWith(path + "#")).Select(n => n.UserId).ToListAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await pia.Client.GetAsync(conversations)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pia.Client.GetAsync(path)).Response.StatusCode);

        var (reply, _) = await kai.Client.SubmitAsync(path, new Dictionary<string, string> { ["Text"] = "Mine is in the shed; I'll bring it." }, "Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var (closed, _) = await kai.Client.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Settled: Kai brings the urn." }, "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.NotNull(await DbAsync(db => db.ConversationThreads.Where(t => t.Id == ThreadIdOf(path)).Select(t => t.ClosedAt).SingleAsync()));

        // Search finds it for the group's members, at its own address, and never for the host outside the group.
        var (_, found) = await ash.Client.GetAsync("/search?q=tea+urn");
        Assert.NotNull(found.QuerySelector($"a[href='{path}']"));
        var (_, notFound) = await pia.Client.GetAsync("/search?q=tea+urn");
        Assert.Null(notFound.QuerySelector($"a[href='{path}']"));
    }

    [Fact]
    public async Task NetworkHostsThread_IsForHostsAndAdministrators_WhoAloneCloseAndHideIt()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var kai = await PersonAsync("kai");
        var ada = await PersonAsync("ada", admin: true);
        // Pia hosts one congregation (Kai is a member there, hosting nothing), Ash another.
        var (slug, _) = await CongregationAsync(pia, kai);
        await CongregationAsync(ash);
        var (_, hosting) = await pia.Client.GetAsync($"/congregations/{slug}/host");
        Assert.NotNull(hosting.QuerySelector("a[href='/network/conversations']"));

        var path = await StartAsync(pia.Client, "/network/conversations", "Welcoming newcomers between gatherings", "How do you keep a newcomer close until the next gathering?");
        Assert.StartsWith("/network/conversations/", path);
        Assert.True(await DbAsync(db => db.ConversationThreads.AnyAsync(t => t.Id == ThreadIdOf(path) && t.ForNetworkHosts && t.CongregationId == null)));
        var heard = await DbAsync(db => db.Notifications.Where(n => n.Url.StartsWith(path + "#")).Select(n => n.UserId).ToListAsync());
        Assert.Contains(ash.Id, heard);
        Assert.Contains(ada.Id, heard);
        Assert.DoesNotContain(kai.Id, heard);
        Assert.DoesNotContain(pia.Id, heard);
        Assert.Equal(HttpStatusCode.Forbidden, (await kai.Client.GetAsync("/network/conversations")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kai.Client.GetAsync(path)).Response.StatusCode);

        var (reply, _) = await ash.Client.SubmitAsync(path, new Dictionary<string, string> { ["Text"] = "We pair each newcomer with a member for a walk." }, "Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        // A host does not close the network's threads: that is the administrators' tending, as hosts tend their congregation's.
        // Pia's page offers no way to, and a hand-made request (with the reply form's token) changes nothing.
        var (_, piaPage) = await pia.Client.GetAsync(path);
        Assert.Empty(piaPage.QuerySelectorAll("form[action*='handler=Close'], button[formaction*='handler=Close']"));
        var token = piaPage.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        await pia.Client.PostAsync($"{path}?handler=Close", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "Answered." });
        Assert.Null(await DbAsync(db => db.ConversationThreads.Where(t => t.Id == ThreadIdOf(path)).Select(t => t.ClosedAt).SingleAsync()));
        var (closed, _) = await ada.Client.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Answered, thank you all." }, "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.NotNull(await DbAsync(db => db.ConversationThreads.Where(t => t.Id == ThreadIdOf(path)).Select(t => t.ClosedAt).SingleAsync()));

        // Search finds it for hosts, at its own address, and never for a member who hosts nothing.
        var (_, found) = await ash.Client.GetAsync("/search?q=welcoming+newcomers+between");
        Assert.NotNull(found.QuerySelector($"a[href='{path}']"));
        var (_, notFound) = await kai.Client.GetAsync("/search?q=welcoming+newcomers+between");
        Assert.Null(notFound.QuerySelector($"a[href='{path}']"));
    }

    [Fact]
    public async Task CongregationThread_PostReplyMentionEditDeleteReactCloseHide_AsMembersAndHostsMay()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var kai = await PersonAsync("kai");
        var @out = await PersonAsync("out");
        var admin = await PersonAsync("admin", admin: true);
        var (slug, _) = await CongregationAsync(pia, ash, kai);
        var conversations = $"/congregations/{slug}/conversations";

        // The empty list says what to do next; a wrong form says what is missing beside each field.
        var (_, empty) = await ash.Client.GetAsync(conversations);
        Assert.Contains("No conversations yet", empty.QuerySelector(".empty")!.TextContent);
        var (wrong, wrongPage) = await pia.Client.SubmitAsync($"{conversations}/new", new Dictionary<string, string> { ["Title"] = " ", ["Text"] = "" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("title", wrongPage.QuerySelector("#title-error")!.TextContent);
        Assert.Contains("Write something", wrongPage.QuerySelector("#text-error")!.TextContent);

        // Started with a mention of a member and of someone outside: only the member is told they were mentioned.
        var path = await StartAsync(pia.Client, conversations, "Lifts to the gathering",
            $"Who drives? **Bold** <script>alert(1)</script> @{ash.Name}, and @{@out.Name} if you are around.");
        var threadId = ThreadIdOf(path);
        // The list Ash saw empty a moment ago is kept for a few seconds, and dropped when the thread was saved.
        var (_, listed) = await ash.Client.GetAsync(conversations);
        Assert.Contains("Lifts to the gathering", listed.QuerySelector(".conversation-list")!.TextContent);
        Assert.Equal(new[] { "conversations.mention" }, await DbAsync(db => db.Notifications.Where(n => n.UserId == ash.Id).Select(n => n.Kind).ToListAsync()));
        Assert.Equal(new[] { "conversations.post" }, await DbAsync(db => db.Notifications.Where(n => n.UserId == kai.Id).Select(n => n.Kind).ToListAsync()));
        Assert.Equal(0, await DbAsync(db => db.Notifications.CountAsync(n => n.UserId == @out.Id || n.UserId == pia.Id || n.UserId == admin.Id)));

        // Members only: an outsider and an administrator who is not a member are refused, a visitor is asked to sign in.
        foreach (var refused in new[] { conversations, path, $"{conversations}/new" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await @out.Client.Http.GetAsync(refused)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.Http.GetAsync(refused)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await Hub.NewClient().Http.GetAsync(refused)).StatusCode);
        }

        // A reply; the page lists posts oldest first, the Markdown sanitised.
        var (replied, _) = await ash.Client.SubmitAsync(path, new Dictionary<string, string> { ["Text"] = "Count me in, I bring coffee." }, "Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var (_, thread) = await kai.Client.GetAsync(path);
        var posts = thread.QuerySelectorAll(".conversation-post").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Contains("Who drives?", posts[0].TextContent);
        Assert.Contains("Count me in", posts[1].TextContent);
        Assert.NotNull(posts[0].QuerySelector(".prose strong"));
        Assert.Null(thread.QuerySelector(".prose script"));
        Assert.Equal(1, await DbAsync(db => db.Notifications.CountAsync(n => n.UserId == pia.Id && n.Kind == "conversations.post")));
        var ashPost = await DbAsync(db => db.ConversationPosts.Where(p => p.ThreadId == threadId && p.AuthorUserId == ash.Id).Select(p => p.Id).SingleAsync());

        // Editing: only the author; the earlier text stays readable.
        var forged = await kai.Client.PostAsync($"{path}?handler=Edit&post={ashPost}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = thread.QuerySelector("#reply input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Text"] = "Kai was here.",
        });
        Assert.Equal(HttpStatusCode.OK, forged.Response.StatusCode);
        Assert.Contains("Only its author", forged.Page.QuerySelector("main")!.TextContent);
        var (edited, _) = await ash.Client.SubmitAsync($"{path}?edit={ashPost}", new Dictionary<string, string> { ["Text"] = "Count me in, I bring tea." }, "Edit");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        (_, thread) = await kai.Client.GetAsync(path);
        var ashView = thread.QuerySelector($"#post-{ashPost:N}")!;
        Assert.Contains("I bring tea", ashView.QuerySelector(".prose")!.TextContent);
        Assert.Contains("edited", ashView.QuerySelector(".post-meta")!.TextContent);
        Assert.Contains("I bring coffee", ashView.QuerySelector(".post-versions")!.TextContent);

        // Reactions toggle, with counts and names.
        var piaPost = await DbAsync(db => db.ConversationPosts.Where(p => p.ThreadId == threadId && p.AuthorUserId == pia.Id).Select(p => p.Id).SingleAsync());
        await kai.Client.SubmitAsync(path, new Dictionary<string, string> { ["reaction"] = $"ThankYou:{piaPost:N}" }, "React");
        (_, thread) = await ash.Client.GetAsync(path);
        Assert.Contains($"Thank you: {kai.Name}", thread.QuerySelector($"#post-{piaPost:N} .reaction-who")!.TextContent);
        Assert.Equal("false", thread.QuerySelector($"#post-{piaPost:N} button[value='ThankYou:{piaPost:N}']")!.GetAttribute("aria-pressed"));
        (_, thread) = await kai.Client.GetAsync(path);
        var thanks = thread.QuerySelector($"#post-{piaPost:N} button[value='ThankYou:{piaPost:N}']")!;
        Assert.Equal(("true", "Thank you (1)"), (thanks.GetAttribute("aria-pressed"), thanks.TextContent));
        Assert.Contains("Thank you: you", thread.QuerySelector($"#post-{piaPost:N} .reaction-who")!.TextContent);
        await kai.Client.SubmitAsync(path, new Dictionary<string, string> { ["reaction"] = $"ThankYou:{piaPost:N}" }, "React");
        Assert.Equal(0, await DbAsync(db => db.ConversationReactions.CountAsync(r => r.PostId == piaPost)));
        // Taking it back passes no save of a post: the thread kept for its members is dropped all the same.
        (_, thread) = await ash.Client.GetAsync(path);
        Assert.Null(thread.QuerySelector($"#post-{piaPost:N} .reaction-who"));

        // Deleting asks first, then leaves "deleted" in place.
        var (asked, askPage) = await ash.Client.SubmitAsync(path, new Dictionary<string, string>(), $"Delete&post={ashPost}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull(askPage.QuerySelector("#confirm-delete"));
        Assert.Equal("Count me in, I bring tea.", await DbAsync(db => db.ConversationPosts.Where(p => p.Id == ashPost).Select(p => p.Text).SingleAsync()));
        var (deleted, _) = await ash.Client.PostAsync($"{path}?handler=Delete&post={ashPost}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = askPage.QuerySelector("#confirm-delete input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Confirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        (_, thread) = await kai.Client.GetAsync(path);
        Assert.Contains("Deleted by its author", thread.QuerySelector($"#post-{ashPost:N}")!.TextContent);
        Assert.DoesNotContain("I bring", thread.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.ConversationPostVersions.CountAsync(v => v.PostId == ashPost)));

        // Closing is the hosts': a member finds no form, and a forged one is refused. A reason is asked for.
        Assert.Null(thread.QuerySelector("form[action*='handler=Close']"));
        var token = thread.QuerySelector("#reply input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (memberClose, _) = await kai.Client.PostAsync($"{path}?handler=Close", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "Mine now." });
        Assert.Equal(HttpStatusCode.OK, memberClose.StatusCode);
        Assert.Null(await DbAsync(db => db.ConversationThreads.Where(t => t.Id == threadId).Select(t => t.ClosedAt).SingleAsync()));
        var (noReason, noReasonPage) = await pia.Client.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "" }, "Close");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why", noReasonPage.QuerySelector("#close-error")!.TextContent);
        await pia.Client.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Settled: lifts are arranged." }, "Close");
        (_, thread) = await kai.Client.GetAsync(path);
        Assert.Contains("Settled: lifts are arranged.", thread.QuerySelector("#closed-note")!.TextContent);
        Assert.Null(thread.QuerySelector("#reply"));
        var (closedReply, closedPage) = await kai.Client.PostAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "One more thing." });
        Assert.Equal(HttpStatusCode.OK, closedReply.StatusCode);
        Assert.Contains("closed", closedPage.QuerySelector("#text-error")!.TextContent);
        Assert.Equal(2, await DbAsync(db => db.ConversationPosts.CountAsync(p => p.ThreadId == threadId)));

        // Hiding asks first; then members find nothing, hosts see it with the reason.
        var (hideAsk, hideAskPage) = await pia.Client.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Names a person who asked not to be named." }, "Hide");
        Assert.Equal(HttpStatusCode.OK, hideAsk.StatusCode);
        Assert.NotNull(hideAskPage.QuerySelector("#confirm-hide"));
        Assert.Null(await DbAsync(db => db.ConversationThreads.Where(t => t.Id == threadId).Select(t => t.HiddenAt).SingleAsync()));
        await pia.Client.PostAsync($"{path}?handler=Hide", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = hideAskPage.QuerySelector("#hide-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Reason"] = "Names a person who asked not to be named.",
            ["Confirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.NotFound, (await kai.Client.Http.GetAsync(path)).StatusCode);
        var (_, memberList) = await kai.Client.GetAsync(conversations);
        Assert.DoesNotContain("Lifts to the gathering", memberList.QuerySelector("main")!.TextContent);
        var (_, hostList) = await pia.Client.GetAsync(conversations);
        Assert.Contains("Hidden from members", hostList.QuerySelector(".conversation-list")!.TextContent);
        var (_, hostThread) = await pia.Client.GetAsync(path);
        Assert.Contains("asked not to be named", hostThread.QuerySelector("#hidden-note")!.TextContent);
    }

    [Fact]
    public async Task CrewAndDyadConversations_AreTheirPeoplesAlone_AdministratorsAndOthersFindNothing()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var kai = await PersonAsync("kai");
        var admin = await PersonAsync("admin", admin: true);
        var (_, congregationId) = await CongregationAsync(pia, ash, kai);
        var now = DateTime.UtcNow;
        var crewId = Guid.NewGuid();
        var dyadId = Guid.NewGuid();
        await DbAsync(async db =>
        {
            var crew = new Crew { Id = crewId, Name = Unique.Name("Tuesday crew"), CongregationId = congregationId, Stage = CrewStage.Meeting, JoinedCount = 2, CreatedAt = now };
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = pia.Id, Status = CrewMemberStatus.Joined, InvitedAt = now, JoinedAt = now });
            crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ash.Id, Status = CrewMemberStatus.Joined, Position = 1, InvitedAt = now, JoinedAt = now });
            db.Crews.Add(crew);
            db.Dyads.Add(new Dyad { Id = dyadId, ProposerUserId = pia.Id, PartnerUserId = kai.Id, Status = DyadStatus.Active, ProposedAt = now, StartedAt = now, EndsAt = now.AddDays(56) });
            return await db.SaveChangesAsync();
        });

        // The crew's page links to its conversations; the empty list invites the first thread.
        var (_, crewPage) = await ash.Client.GetAsync($"/crews/{crewId}");
        Assert.NotNull(crewPage.QuerySelector($"a[href='/crews/{crewId}/conversations']"));
        var crewPath = await StartAsync(ash.Client, $"/crews/{crewId}/conversations", "Reading for Tuesday", $"Shall we read the listening essay? @{pia.Name} @{kai.Name}");
        // Kai shares the congregation, not the crew: mentioned or not, he hears nothing.
        Assert.Equal(new[] { "conversations.mention" }, await DbAsync(db => db.Notifications.Where(n => n.UserId == pia.Id).Select(n => n.Kind).ToListAsync()));
        Assert.Equal(0, await DbAsync(db => db.Notifications.CountAsync(n => n.UserId == kai.Id || n.UserId == admin.Id)));
        var (_, piaView) = await pia.Client.GetAsync(crewPath);
        Assert.Contains("listening essay", piaView.QuerySelector(".conversation-post")!.TextContent);
        foreach (var outsider in new[] { kai, admin })
        {
            foreach (var refused in new[] { $"/crews/{crewId}/conversations", crewPath, $"/crews/{crewId}/conversations/new" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.Http.GetAsync(refused)).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Hub.NewClient().Http.GetAsync(crewPath)).StatusCode);

        // In a crew any member may close a thread (hosting rotates there); hiding is not offered, it would hide from nobody.
        Assert.NotNull(piaView.QuerySelector("form[action*='handler=Close']"));
        Assert.Null(piaView.QuerySelector("form[action*='handler=Hide']"));

        // A pair's conversations: the two of them alone.
        var dyadPath = await StartAsync(kai.Client, $"/dyads/{dyadId}/conversations", "Our next check-in", "Thursday at eight?");
        Assert.Equal(HttpStatusCode.OK, (await pia.Client.Http.GetAsync(dyadPath)).StatusCode);
        Assert.Equal(1, await DbAsync(db => db.Notifications.CountAsync(n => n.UserId == pia.Id && n.Kind == "conversations.post")));
        foreach (var outsider in new[] { ash, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.Http.GetAsync(dyadPath)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.Http.GetAsync($"/dyads/{dyadId}/conversations")).StatusCode);
        }
    }

    /// <summary>A hub with an inbound mailbox: every conversation has a reply address.</summary>
    private sealed class FixedReplyAddresses : IEmailReplyAddresses
    {
        public string? AddressFor(string kind, string key, string userId) => $"replies+{kind}.{key}@hub.example";
    }

    [Fact]
    public async Task NotificationEmails_CarryTheThreadsIds_AndAReplyAddressOnlyWhenTheHubHasOne()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var (slug, _) = await CongregationAsync(pia, ash);
        var path = await StartAsync(pia.Client, $"/congregations/{slug}/conversations", Unique.Name("Soup after the call"), "Shall we cook after the call?");
        var threadId = ThreadIdOf(path);
        var title = await DbAsync(db => db.ConversationThreads.Where(t => t.Id == threadId).Select(t => t.Title).SingleAsync());
        await ash.Client.SubmitAsync(path, new Dictionary<string, string> { ["Text"] = "Yes, I bring lentils." }, "Reply");
        await Hub.DrainOutboxAsync();

        // The first post: its message id is the thread's root for that person; no reply address without a mailbox.
        var first = await Hub.Smtp!.WaitForAsync(ash.Email, title);
        var rootForAsh = first.MessageId;
        Assert.StartsWith($"conversation.{threadId:N}.", rootForAsh);
        Assert.Null(first.InReplyTo);
        Assert.Empty(first.ReplyTo);
        Assert.Contains("Reply on the hub", first.TextBody);
        Assert.Contains(path, first.TextBody);
        // The reply, to Pia: in reply to her root, which its references name; its own id is new.
        var reply = await Hub.Smtp.WaitForAsync(pia.Email, "Re: " + title);
        var rootForPia = ConversationNotices.RootId(threadId, pia.Id);
        Assert.Equal(rootForPia, reply.InReplyTo!.Split('@')[0]);
        Assert.Equal(reply.InReplyTo, Assert.Single(reply.References));
        Assert.NotEqual(reply.InReplyTo, reply.MessageId);
        Assert.NotEqual(rootForAsh, reply.InReplyTo);
        Assert.Empty(reply.ReplyTo);

        // With a mailbox, the email carries the thread's reply address and says one can answer by email. It is awaited
        // while the second host runs, since either host's sender may be the one that claims it.
        MimeKit.MimeMessage withAddress;
        await using (var withMailbox = Hub.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailReplyAddresses, FixedReplyAddresses>())))
        {
            using var scope = withMailbox.Services.CreateScope();
            var access = scope.ServiceProvider.GetRequiredService<ConversationAccess>();
            var space = (await access.ForThreadAsync(threadId, pia.Id))!;
            var (outcome, _) = await scope.ServiceProvider.GetRequiredService<PostReply>().RunAsync(space, threadId, "Lovely. My place at seven.");
            Assert.True(outcome.Succeeded, outcome.Message);
            // Ash's only "Re:" message is this one (his own reply told the others, not him).
            withAddress = await Hub.Smtp.WaitForAsync(ash.Email, "Re: " + title);
        }
        Assert.Contains("My place at seven", withAddress.TextBody);
        Assert.Equal($"replies+conversation.{threadId}@hub.example", Assert.Single(withAddress.ReplyTo.Mailboxes).Address);
        Assert.Contains("Reply to this email to post your answer, or reply on the hub", withAddress.TextBody);
        Assert.Equal(rootForAsh, withAddress.InReplyTo);
    }

    [Fact]
    public async Task ReplyTarget_PostsAsTheMember_RefusesOthersAndClosedThreads_AndKeepsTwoPostsOfOneMoment()
    {
        var pia = await PersonAsync("pia");
        var ash = await PersonAsync("ash");
        var @out = await PersonAsync("out");
        var (slug, _) = await CongregationAsync(pia, ash);
        var path = await StartAsync(pia.Client, $"/congregations/{slug}/conversations", "Spare desk", "Free on Mondays.");
        var threadId = ThreadIdOf(path);

        async Task<Outcome> ByEmailAsync(string userId, string text)
        {
            using var scope = Hub.Services.CreateScope();
            var target = scope.ServiceProvider.GetServices<IEmailReplyTarget>().Single(t => t.Kind == "conversation");
            return await target.ReceiveAsync(new EmailReply("conversation", threadId.ToString(), userId, text, "<m@x>", DateTime.UtcNow), CancellationToken.None);
        }

        Assert.True((await ByEmailAsync(ash.Id, "I'll take Mondays.")).Succeeded);
        Assert.Equal(ash.Id, await DbAsync(db => db.ConversationPosts.Where(p => p.ThreadId == threadId && p.Text == "I'll take Mondays.").Select(p => p.AuthorUserId).SingleAsync()));
        Assert.False((await ByEmailAsync(@out.Id, "Me too!")).Succeeded);
        Assert.False((await ByEmailAsync(ash.Id, "  ")).Succeeded);
        Assert.Equal(0, await DbAsync(db => db.ConversationPosts.CountAsync(p => p.ThreadId == threadId && p.AuthorUserId == @out.Id)));

        // Two replies at the same moment are both kept.
        var results = await Task.WhenAll(ByEmailAsync(ash.Id, "Same moment one."), ByEmailAsync(pia.Id, "Same moment two."));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(4, await DbAsync(db => db.ConversationPosts.CountAsync(p => p.ThreadId == threadId)));

        // Once closed, a reply by email is refused as the page's would be.
        await pia.Client.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Taken." }, "Close");
        var closed = await ByEmailAsync(ash.Id, "Fridays too?");
        Assert.False(closed.Succeeded);
        Assert.Contains("closed", closed.Message);
        Assert.Equal(4, await DbAsync(db => db.ConversationPosts.CountAsync(p => p.ThreadId == threadId)));
    }

    /// <summary>
    /// The two other features of a congregation's everyday life write to people too, and (on this hub, which has mail)
    /// in each reader's language: an answer to an offer reaches its Portuguese poster in Portuguese, a changed proposal
    /// reaches the German member who had answered it in German; the words people wrote stay as written.
    /// </summary>
    [Fact]
    public async Task AnAnswerToAnOffer_ReachesItsPortuguesePoster_AndAChangedProposal_ItsGermanAnswerer_InTheirLanguage()
    {
        var english = await PersonAsync("host");
        var portuguese = await PersonAsync("rita");
        var german = await PersonAsync("jonas");
        foreach (var (person, language) in new[] { (portuguese, "pt-PT"), (german, "de") })
        {
            await DbAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        }

        var offer = Unique.Name("Two hours of bookkeeping help");
        var (posted, postedPage) = await portuguese.Client.SubmitAsync("/offers/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Offer",
            ["Input.Category"] = "Skill",
            ["Input.Title"] = offer,
            ["Input.Details"] = "",
            ["Input.Skills"] = "",
            ["Input.Place"] = "",
            ["Input.CongregationId"] = "",
            ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
        }, "Publish");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, postedPage.QuerySelector("main")?.TextContent);
        var (answered, _) = await english.Client.SubmitAsync(posted.Headers.Location!.OriginalString,
            new Dictionary<string, string> { ["Message"] = "I could use that on Tuesdays." }, "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        await Hub.DrainOutboxAsync();
        var answer = await Hub.Smtp!.WaitForAsync(portuguese.Email, $"{english.Name} respondeu a «{offer}»");
        Assert.Contains($"{english.Name} respondeu à tua oferta «{offer}»:", answer.TextBody);
        Assert.Contains("I could use that on Tuesdays.", answer.TextBody); // the writer's words as written
        Assert.Contains("Ler no hub", answer.TextBody);

        var (slug, _) = await CongregationAsync(english, german);
        var question = Unique.Name("Shall we meet in the library");
        var (proposed, proposedPage) = await english.Client.SubmitAsync($"/congregations/{slug}/decisions/new", new Dictionary<string, string>
        {
            ["Input.Question"] = question,
            ["Input.Proposal"] = "From March, in the library.",
            ["Input.Background"] = "",
            ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = "",
            ["Input.Visibility"] = "Names",
        }, "Propose");
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, proposedPage.QuerySelector("main")?.TextContent);
        var decision = proposed.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await german.Client.SubmitAsync(decision, new Dictionary<string, string> { ["Choice"] = "Agree", ["Reason"] = "" }, "Answer")).Response.StatusCode);
        var (amended, amendedPage) = await english.Client.SubmitAsync(decision,
            new Dictionary<string, string> { ["Proposal"] = "From April, in the library.", ["Note"] = "April suits the library better." }, "Amend");
        Assert.True(amended.StatusCode == HttpStatusCode.Redirect, amendedPage.QuerySelector("main")?.TextContent);
        await Hub.DrainOutboxAsync();
        var changed = await Hub.Smtp!.WaitForAsync(german.Email, $"Der Vorschlag hat sich geändert: {question}");
        Assert.Contains($"{english.Name} hat den Vorschlag geändert, auf den du geantwortet hast, „{question}“, und schreibt:", changed.TextBody);
        Assert.Contains("April suits the library better.", changed.TextBody);
        Assert.Contains("Änderung lesen", changed.TextBody);
    }
}
