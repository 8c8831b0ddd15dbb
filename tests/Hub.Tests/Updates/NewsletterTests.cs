using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Testing;
using MimeKit;

namespace Microsolidarity.Hub.Tests.Updates;

/// <summary>The newsletter end to end through the real SMTP server on loopback, one hub for the class.</summary>
public sealed class NewsletterTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private FormClient admin = null!;

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(s =>
        {
            s["Updates:NewsletterPerMinute"] = "60000";
            s["Updates:PollInterval"] = "00:00:00.1";
            s["Updates:FirstRetryAfter"] = "00:00:00.1";
        });
        await hub.CreatePersonAsync("editor@test.example", "keeper of keys", admin: true);
        admin = await hub.SignedInClientAsync("editor@test.example", "keeper of keys");
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task SubscribeAndConfirmAsync(string email)
    {
        var visitor = hub.NewClient();
        var (subscribed, _) = await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = email, ["Name"] = "Reader" });
        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        var confirmation = await hub.Smtp!.WaitForAsync(email, "Confirm your newsletter");
        var link = UpdatesTestKit.PathOf(SmtpSink.LinkIn(confirmation, "/newsletter/confirm"));
        var (_, asked) = await visitor.GetAsync(link);
        Assert.Contains(email, asked.QuerySelector("main")!.TextContent);
        Assert.False(await hub.FromDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == email && s.ConfirmedAt != null)),
            "opening the link alone must not confirm (mail scanners open links)");
        var (_, done) = await visitor.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Contains("You are subscribed", done.QuerySelector("main")!.TextContent);
    }

    private async Task<Guid> SendAsync(string subject, string markdown, string segment = "Everyone", string? congregationId = null)
    {
        var fields = new Dictionary<string, string> { ["Subject"] = subject, ["Markdown"] = markdown, ["Segment"] = segment, ["CongregationId"] = congregationId ?? "" };
        var (response, page) = await admin.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Send", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector(".notice.error")?.TextContent ?? admin.LastHtml);
        return await hub.FromDbAsync(db => db.NewsletterIssues.Where(i => i.Subject == subject).Select(i => i.Id).SingleAsync());
    }

    private Task WaitForQueueAsync(Guid issue) => UpdatesTestKit.WaitUntilAsync(
        () => hub.FromDbAsync(db => db.NewsletterDeliveries.Where(d => d.IssueId == issue).AllAsync(d => d.SentAt != null || d.FailedAt != null)),
        "every delivery of the issue to finish");

    [Fact]
    public async Task Issue_ToConfirmedReaders_ArrivesAsMimeWithListHeadersAndBothUnsubscribeWaysWork()
    {
        await SubscribeAndConfirmAsync("reader1@test.example");
        await SubscribeAndConfirmAsync("reader2@test.example");

        var markdown = "Dear friends,\n\nThe **autumn gathering** is near. <script>alert(1)</script>\n\n[Read more](https://example.org/more) or [the handbook](/handbook)";
        var (_, preview) = await admin.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Preview",
            new Dictionary<string, string> { ["Subject"] = "Autumn news", ["Markdown"] = markdown, ["Segment"] = "Everyone", ["CongregationId"] = "" });
        Assert.Equal("autumn gathering", preview.QuerySelector(".preview strong")?.TextContent);
        Assert.Null(preview.QuerySelector(".preview script"));
        var receiving = await hub.FromDbAsync(db => db.NewsletterSubscribers.CountAsync(s => s.ConfirmedAt != null && s.UnsubscribedAt == null && s.BouncedAt == null));
        Assert.Contains($"Send to {receiving} subscribers", preview.QuerySelector("button[formaction='?handler=Send']")!.TextContent);
        Assert.False(await hub.FromDbAsync(db => db.NewsletterIssues.AnyAsync(i => i.Subject == "Autumn news"))); // a preview sends nothing

        var issue = await SendAsync("Autumn news", markdown);
        var message = await hub.Smtp!.WaitForAsync("reader1@test.example", "Autumn news");
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Contains("<strong>autumn gathering</strong>", message.HtmlBody);
        Assert.DoesNotContain("<script", message.HtmlBody);
        Assert.Contains("href=\"http://localhost/handbook\"", message.HtmlBody); // relative links made absolute for mail clients
        var listUnsubscribe = message.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches(@"^<http://localhost/newsletter/unsubscribe\?token=[A-Za-z0-9_-]+>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var personal = SmtpSink.LinkIn(message, "/newsletter/unsubscribe");
        Assert.Equal(listUnsubscribe.Trim('<', '>'), personal);
        var other = await hub.Smtp.WaitForAsync("reader2@test.example", "Autumn news");
        Assert.NotEqual(personal, SmtpSink.LinkIn(other, "/newsletter/unsubscribe")); // personal links

        // Opening the link only asks.
        var visitor = hub.NewClient();
        var (opened, page) = await visitor.GetAsync(UpdatesTestKit.PathOf(personal));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("reader1@test.example", page.QuerySelector("main")!.TextContent);
        Assert.True(await hub.FromDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "reader1@test.example" && s.UnsubscribedAt == null)));

        // RFC 8058 one-click: a bare POST, no cookie, no anti-forgery token, as a mail client sends it.
        using var bare = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var oneClick = await bare.PostAsync(UpdatesTestKit.PathOf(listUnsubscribe.Trim('<', '>')),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.True(await hub.FromDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "reader1@test.example" && s.UnsubscribedAt != null)));

        // The page's own button, for reader 2.
        var (_, left) = await visitor.SubmitAsync(UpdatesTestKit.PathOf(SmtpSink.LinkIn(other, "/newsletter/unsubscribe")), new Dictionary<string, string>());
        Assert.Contains("no more newsletters go to reader2@test.example", left.QuerySelector("main")!.TextContent);

        await WaitForQueueAsync(issue);
        var second = await SendAsync("Winter news", "Short and sweet.");
        var secondTo = await hub.FromDbAsync(db => db.NewsletterDeliveries.Where(d => d.IssueId == second)
            .Join(db.NewsletterSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => s.Email).ToListAsync());
        Assert.DoesNotContain("reader1@test.example", secondTo);
        Assert.DoesNotContain("reader2@test.example", secondTo);

        // The archive and the feed show both, read by a real feed parser.
        var (_, archive) = await visitor.GetAsync("/newsletter");
        var listed = archive.QuerySelectorAll(".issue-list a").Select(a => a.TextContent).ToList();
        Assert.True(listed.IndexOf("Winter news") is >= 0 and var w && w < listed.IndexOf("Autumn news"), string.Join(", ", listed)); // newest first
        var (_, shown) = await visitor.GetAsync($"/newsletter/{issue}");
        Assert.Equal("autumn gathering", shown.QuerySelector(".prose strong")?.TextContent);
        var feed = await UpdatesTestKit.ParseFeedAsync("rss", await visitor.Http.GetStringAsync("/feed.xml"));
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        var autumn = Assert.Single(items, i => i.GetProperty("title").GetString() == "Autumn news");
        Assert.Equal($"http://localhost/newsletter/{issue}", autumn.GetProperty("link").GetString());
        Assert.Contains("<strong>autumn gathering</strong>", autumn.GetProperty("content").GetString());
        Assert.Contains(items, i => i.GetProperty("title").GetString() == "Winter news");
    }

    [Fact]
    public async Task Issue_UnconfirmedAndBouncingAddresses_GetNothingMoreAndBouncesAreNotRetried()
    {
        await SubscribeAndConfirmAsync("steady@test.example");
        var visitor = hub.NewClient();
        await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "never@test.example" });
        await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "never@test.example" });
        Assert.Equal(1, await hub.FromDbAsync(db => db.OutgoingEmails.CountAsync(e => e.ToAddress == "never@test.example"))); // no flood
        // The confirmation to a bouncing address bounces too; its token is confirmed here as if it had arrived.
        await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "bounce-reader@test.example" });
        var token = await hub.FromDbAsync(db => db.NewsletterSubscribers.Where(s => s.Email == "bounce-reader@test.example").Select(s => s.Token).SingleAsync());
        await visitor.SubmitAsync($"/newsletter/confirm?token={token}", new Dictionary<string, string>());

        var issue = await SendAsync("Spring news", "Hello **spring**.");
        await hub.Smtp!.WaitForAsync("steady@test.example", "Spring news");
        await WaitForQueueAsync(issue);
        var rows = await hub.FromDbAsync(db => db.NewsletterDeliveries.Where(d => d.IssueId == issue)
            .Join(db.NewsletterSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => new { s.Email, d.Attempts, d.FailedAt, d.LastError }).ToListAsync());
        Assert.DoesNotContain(rows, r => r.Email == "never@test.example");
        var bounced = Assert.Single(rows, r => r.Email == "bounce-reader@test.example");
        Assert.Equal(1, bounced.Attempts);
        Assert.NotNull(bounced.FailedAt);
        Assert.Contains("550", bounced.LastError);
        Assert.NotNull(await hub.FromDbAsync(db => db.NewsletterSubscribers.Where(s => s.Email == "bounce-reader@test.example").Select(s => s.BouncedAt).SingleAsync()));

        var next = await SendAsync("Summer news", "Hello summer.");
        await hub.Smtp.WaitForAsync("steady@test.example", "Summer news");
        var recipients = await hub.FromDbAsync(db => db.NewsletterDeliveries.Where(d => d.IssueId == next)
            .Join(db.NewsletterSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => s.Email).ToListAsync());
        Assert.DoesNotContain("bounce-reader@test.example", recipients);
        Assert.DoesNotContain("never@test.example", recipients);
        Assert.DoesNotContain(hub.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == "never@test.example") && m.Subject != "Confirm your newsletter subscription");
    }

    [Fact]
    public async Task Sender_ClaimLeftByACrashedNode_IsSentOnceAndASentRowNeverAgain()
    {
        var now = DateTime.UtcNow;
        var issueId = Guid.NewGuid();
        await hub.WithDbAsync(async db =>
        {
            db.NewsletterIssues.Add(new NewsletterIssue { Id = issueId, Subject = "Recovered issue", Markdown = "Hi", Html = "<p>Hi</p>", SentAt = now, BaseUrl = "http://localhost", SentByUserId = "x", Recipients = 2 });
            var crashed = new NewsletterSubscriber { Id = Guid.NewGuid(), Email = "crashed@test.example", NormalizedEmail = "CRASHED@TEST.EXAMPLE", Token = "tok-crashed", CreatedAt = now, ConfirmedAt = now };
            var done = new NewsletterSubscriber { Id = Guid.NewGuid(), Email = "done@test.example", NormalizedEmail = "DONE@TEST.EXAMPLE", Token = "tok-done", CreatedAt = now, ConfirmedAt = now };
            db.NewsletterSubscribers.AddRange(crashed, done);
            // A node claimed this one, then died: its claim has run out.
            db.NewsletterDeliveries.Add(new NewsletterDelivery { Id = Guid.NewGuid(), IssueId = issueId, SubscriberId = crashed.Id, NextAttemptAt = now, ClaimedUntil = now.AddMinutes(-1), Attempts = 1 });
            db.NewsletterDeliveries.Add(new NewsletterDelivery { Id = Guid.NewGuid(), IssueId = issueId, SubscriberId = done.Id, NextAttemptAt = now, SentAt = now, Attempts = 1 });
            await db.SaveChangesAsync();
            // The same pair twice is refused by the database itself.
            db.NewsletterDeliveries.Add(new NewsletterDelivery { Id = Guid.NewGuid(), IssueId = issueId, SubscriberId = done.Id, NextAttemptAt = now });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        await hub.Smtp!.WaitForAsync("crashed@test.example", "Recovered issue");
        await WaitForQueueAsync(issueId);
        Assert.DoesNotContain(hub.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == "done@test.example"));
        Assert.Single(hub.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == "crashed@test.example"));
    }

    [Fact]
    public async Task Segments_NetworkMembersAndHosts_ReachOnlyTheirPeopleAndHostsCannotSendToAll()
    {
        var now = DateTime.UtcNow;
        var member = await hub.CreatePersonAsync("networker@test.example", "quiet garden path", name: "Networker");
        await hub.CreatePersonAsync("plain@test.example", "quiet garden path", name: "Plain");
        await hub.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, now));
            foreach (var email in new[] { "networker@test.example", "plain@test.example" })
            {
                db.NewsletterSubscribers.Add(new NewsletterSubscriber { Id = Guid.NewGuid(), Email = email, NormalizedEmail = email.ToUpperInvariant(), Token = Guid.NewGuid().ToString("N"), CreatedAt = now, ConfirmedAt = now });
            }
            await db.SaveChangesAsync();
        });
        var issue = await SendAsync("Members only", "For network members.", "NetworkMembers");
        var recipients = await hub.FromDbAsync(db => db.NewsletterDeliveries.Where(d => d.IssueId == issue)
            .Join(db.NewsletterSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => s.Email).ToListAsync());
        Assert.Equal(["networker@test.example"], recipients);

        // Someone who hosts nothing may not write at all.
        var plain = await hub.SignedInClientAsync("plain@test.example", "quiet garden path");
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.Http.GetAsync("/newsletter/write")).StatusCode);
    }

    [Fact]
    public async Task Segments_HostOfACongregation_SendsToItsSubscribedMembersOnly()
    {
        await hub.CreatePersonAsync("harbour-host@test.example", "quiet garden path", name: "Harbour Host");
        await hub.CreatePersonAsync("joiner@test.example", "quiet garden path", name: "Joiner");
        var host = await hub.SignedInClientAsync("harbour-host@test.example", "quiet garden path");
        var slug = Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.SlugOf(
            await Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.CreateAsync(host, "Harbour Congregation"));
        var joiner = await hub.SignedInClientAsync("joiner@test.example", "quiet garden path");
        var (joined, _) = await joiner.PostFromAsync($"/congregations/{slug}", $"/congregations/{slug}?handler=Join", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var now = DateTime.UtcNow;
        await hub.WithDbAsync(async db =>
        {
            foreach (var email in new[] { "joiner@test.example", "outsider@test.example" })
            {
                db.NewsletterSubscribers.Add(new NewsletterSubscriber { Id = Guid.NewGuid(), Email = email, NormalizedEmail = email.ToUpperInvariant(), Token = Guid.NewGuid().ToString("N"), CreatedAt = now, ConfirmedAt = now });
            }
            await db.SaveChangesAsync();
        });
        var congregationId = await hub.FromDbAsync(db => db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

        var (_, refused) = await host.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Send",
            new Dictionary<string, string> { ["Subject"] = "To all", ["Markdown"] = "Hi", ["Segment"] = "Everyone", ["CongregationId"] = "" });
        Assert.Contains("Hosts send to their own congregation", refused.QuerySelector("#segment-error")!.TextContent);
        var (sent, _) = await host.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Send",
            new Dictionary<string, string> { ["Subject"] = "Harbour news", ["Markdown"] = "Hi harbour", ["Segment"] = "Congregation", ["CongregationId"] = congregationId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var issue = await hub.FromDbAsync(db => db.NewsletterIssues.Where(i => i.Subject == "Harbour news").Select(i => i.Id).SingleAsync());
        var recipients = await hub.FromDbAsync(db => db.NewsletterDeliveries.Where(d => d.IssueId == issue)
            .Join(db.NewsletterSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => s.Email).ToListAsync());
        Assert.Equal(["joiner@test.example"], recipients);
        await hub.Smtp!.WaitForAsync("joiner@test.example", "Harbour news");
    }

    [Fact]
    public async Task Write_BadInput_ExplainsEachProblemAndKeepsWhatWasTyped()
    {
        var (response, page) = await admin.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Send",
            new Dictionary<string, string> { ["Subject"] = "", ["Markdown"] = "Kept words", ["Segment"] = "Everyone", ["CongregationId"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the issue a subject", page.QuerySelector("#subject-error")!.TextContent);
        Assert.Equal("Kept words", page.QuerySelector("#markdown")!.TextContent);
        (_, page) = await admin.PostFromAsync("/newsletter/write", "/newsletter/write?handler=Preview",
            new Dictionary<string, string> { ["Subject"] = "To a congregation", ["Markdown"] = "Hi", ["Segment"] = "Congregation", ["CongregationId"] = "" });
        Assert.Contains("Choose the congregation", page.QuerySelector("#congregation-error")!.TextContent);

        var visitor = hub.NewClient();
        (_, page) = await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "" });
        Assert.Contains("Enter the email address", page.QuerySelector("#email-error")!.TextContent);
        (_, page) = await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "not an address" });
        Assert.Contains("does not look like an email address", page.QuerySelector("#email-error")!.TextContent);
        Assert.Equal("not an address", page.QuerySelector("#email")!.GetAttribute("value"));
        var (_, invalid) = await visitor.GetAsync("/newsletter/confirm?token=nonsense");
        Assert.Contains("not valid", invalid.QuerySelector("main")!.TextContent);
        var forged = await visitor.Http.PostAsync("/newsletter/unsubscribe?token=nonsense", new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}

/// <summary>A subscription belongs to the person: in the data export, and gone with the account.</summary>
public sealed class NewsletterPersonalDataTests
{
    [Fact]
    public async Task Account_ExportAndDelete_IncludeAndRemoveTheSubscription()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("subscriber@test.example", "quiet garden path");
        var person = await hub.SignedInClientAsync("subscriber@test.example", "quiet garden path");
        var (_, form) = await person.GetAsync("/newsletter");
        Assert.Equal("subscriber@test.example", form.QuerySelector("#email")!.GetAttribute("value")); // filled in for people signed in
        await person.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "subscriber@test.example" });

        var export = await person.Http.GetStringAsync("/account/download-data");
        using (var json = System.Text.Json.JsonDocument.Parse(export))
        {
            Assert.Equal("subscriber@test.example", json.RootElement.GetProperty("newsletter").GetProperty("subscription").GetProperty("email").GetString());
        }
        var (_, deletion) = await person.GetAsync("/account/delete");
        Assert.Contains("Your newsletter subscription", deletion.QuerySelector("main")!.TextContent);
        var (deleted, _) = await person.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = "quiet garden path", ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await hub.FromDbAsync(db => db.NewsletterSubscribers.AnyAsync()));
    }
}
