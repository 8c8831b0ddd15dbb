using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations.Concerns;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Accounts;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// Raising a concern, from the care contacts being named to its closing note, with who reads what at each step;
/// the reminder when it is not acknowledged in time; the agreements; and a raiser's export and account deletion.
/// One hub and one congregation, in one story, because each step starts from the last.
/// </summary>
public sealed class ConcernTests
{
    private const string Password = "tender care of each other";

    [Fact]
    public async Task Concern_FromRaisingToClosing_IsReadByItsRaiserAndTheCareContactsOnly()
    {
        await using var hub = await HubFactory.StartAsync();
        var people = new Dictionary<string, FormClient>();
        foreach (var (who, name, admin) in new[] { ("hana", "Hana Host", false), ("cato", "Cato Care", false), ("dina", "Dina Care", false), ("rui", "Rui Raiser", false),
                     ("otto", "Otto Outsider", false), ("ada", "Ada Admin", true) })
        {
            await hub.CreatePersonAsync($"{who}@test.example", Password, admin: admin, name: name);
            people[who] = await hub.SignedInClientAsync($"{who}@test.example", Password);
        }
        var path = await CreateAsync(people["hana"], "Willow Congregation");
        var slug = SlugOf(path);
        foreach (var who in new[] { "cato", "dina", "rui" })
        {
            await people[who].SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");
        }
        Assert.Equal(4, await MembersAsync(hub, slug));

        // Without two care contacts, the host page says so.
        var (_, host) = await people["hana"].GetAsync($"{path}/host");
        Assert.Contains("Willow Congregation has no care contacts.", host.QuerySelector("#care-contacts")!.ParentElement!.TextContent);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var ids = await db.Users.Where(u => u.Email!.StartsWith("cato@") || u.Email!.StartsWith("dina@")).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
            var (same, refused) = await people["hana"].SubmitAsync($"{path}/concerns/care-contacts", new Dictionary<string, string> { ["First"] = ids[0], ["Second"] = ids[0], ["Days"] = "3" });
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Contains("Choose two different people", refused.QuerySelector("#contacts-error")!.TextContent);
            // A member cannot name them.
            var (byMember, _) = await people["rui"].GetAsync($"{path}/concerns/care-contacts");
            Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
            var (named, _) = await people["hana"].SubmitAsync($"{path}/concerns/care-contacts", new Dictionary<string, string> { ["First"] = ids[0], ["Second"] = ids[1], ["Days"] = "3" });
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        }
        (_, host) = await people["hana"].GetAsync($"{path}/host");
        Assert.Contains("The care contacts are Cato Care and Dina Care", host.QuerySelector("#care-contacts")!.ParentElement!.TextContent);
        Assert.Null(host.QuerySelector("#care-contacts + .notice.warn"));

        // Before sending, the raiser reads who will see it and by when it will be acknowledged.
        var (_, form) = await people["rui"].GetAsync($"{path}/concerns/new");
        var whoReads = form.QuerySelector(".who-reads")!.TextContent;
        Assert.Contains("Cato Care and Dina Care, and you", whoReads);
        Assert.Contains("Not the other hosts", whoReads);
        Assert.Contains("within 3 days", whoReads);
        var (empty, emptyPage) = await people["rui"].SubmitAsync($"{path}/concerns/new", new Dictionary<string, string> { ["About"] = "Something", ["Text"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("in your own words", emptyPage.QuerySelector("#text-error")!.TextContent);

        string hanaId, catoId;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            hanaId = await db.Users.Where(u => u.Email == "hana@test.example").Select(u => u.Id).SingleAsync();
            catoId = await db.Users.Where(u => u.Email == "cato@test.example").Select(u => u.Id).SingleAsync();
        }
        const string Words = "At the spring gathering the host spoke over me three times; it keeps happening.";
        var (raised, _) = await people["rui"].SubmitAsync($"{path}/concerns/new", new Dictionary<string, string> { ["About"] = "Person", ["PersonId"] = hanaId, ["Text"] = Words });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var concern = raised.Headers.Location!.OriginalString;
        Assert.StartsWith($"{path}/concerns/", concern, StringComparison.Ordinal);

        // The care contacts hear that there is something to acknowledge, with no details: not the words, not who, not about whom.
        foreach (var contact in new[] { "cato", "dina" })
        {
            var mail = await hub.Smtp!.WaitForAsync($"{contact}@test.example", "A concern to acknowledge in Willow Congregation");
            Assert.DoesNotContain("spoke over me", mail.TextBody);
            Assert.DoesNotContain("Rui", mail.TextBody);
            Assert.DoesNotContain("Hana", mail.TextBody);
            Assert.Contains(concern, mail.TextBody);
        }

        // Its raiser and the care contacts read it; the host it is about, an outsider and an administrator do not (it is not about a care contact).
        foreach (var (person, expected) in new[] { ("rui", HttpStatusCode.OK), ("cato", HttpStatusCode.OK), ("dina", HttpStatusCode.OK),
                     ("hana", HttpStatusCode.NotFound), ("otto", HttpStatusCode.NotFound), ("ada", HttpStatusCode.NotFound) })
        {
            var (response, page) = await people[person].GetAsync(concern);
            Assert.True(expected == response.StatusCode, $"{person}: {response.StatusCode}");
            Assert.Equal(expected == HttpStatusCode.OK, page.Body!.TextContent.Contains("spoke over me", StringComparison.Ordinal));
        }
        var (_, hostsList) = await people["hana"].GetAsync($"{path}/concerns");
        Assert.DoesNotContain("Raised on", hostsList.Body!.TextContent);
        var (_, raiserPage) = await people["rui"].GetAsync(concern);
        Assert.Contains("will acknowledge it by", raiserPage.QuerySelector("#next")!.ParentElement!.TextContent);
        // The host it is about cannot act on it either.
        var (hostClose, _) = await people["hana"].PostAsync(concern + "?handler=Close", new Dictionary<string, string> { ["Note"] = "Nothing to see." });
        Assert.NotEqual(HttpStatusCode.Redirect, hostClose.StatusCode);

        // Not acknowledged in three days: both care contacts are reminded, once.
        var clock = new ShiftedClock();
        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        await using (var later = hub.WithClock(clock))
        {
            using var scope = later.Services.CreateScope();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RemindOfConcerns>().RunAsync());
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RemindOfConcerns>().RunAsync());
        }
        using (var scope = hub.Services.CreateScope())
        {
            // Queued at the moved clock's time, so the outbox of this hub (at today's) leaves them be: read them where they wait.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var reminders = await db.OutgoingEmails.Where(e => e.Subject == "A concern in Willow Congregation is waiting to be acknowledged").ToListAsync();
            Assert.Equal(["cato@test.example", "dina@test.example"], reminders.Select(e => e.ToAddress).Order());
            Assert.All(reminders, e => Assert.DoesNotContain("spoke over me", e.TextBody));
            Assert.All(reminders, e => Assert.Contains(concern, e.TextBody));
        }

        // Cato acknowledges; Rui hears so. A step is the care contacts' own log; the closing note is Rui's to read.
        await people["cato"].SubmitAsync(concern, new Dictionary<string, string>(), handler: "Acknowledge");
        await hub.Smtp!.WaitForAsync("rui@test.example", "Your concern in Willow Congregation was acknowledged");
        await people["cato"].SubmitAsync(concern, new Dictionary<string, string> { ["Step"] = "Met Hana for tea; she listened." }, handler: "Step");
        Assert.Contains("Met Hana for tea", (await people["dina"].GetAsync(concern)).Page.QuerySelector("#steps")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Met Hana for tea", (await people["rui"].GetAsync(concern)).Page.Body!.TextContent);
        var (noNote, noNotePage) = await people["dina"].SubmitAsync(concern, new Dictionary<string, string> { ["Note"] = "" }, handler: "Close");
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("Write a note for the person who raised it", noNotePage.QuerySelector("#note-error")!.TextContent);
        await people["dina"].SubmitAsync(concern, new Dictionary<string, string> { ["Note"] = "We spoke with Hana, who will give everyone a turn from now on." }, handler: "Close");
        var closedMail = await hub.Smtp!.WaitForAsync("rui@test.example", "Your concern in Willow Congregation was closed");
        Assert.DoesNotContain("give everyone a turn", closedMail.TextBody);
        var (_, closed) = await people["rui"].GetAsync(concern);
        Assert.Contains("give everyone a turn", closed.QuerySelector("#note")!.ParentElement!.TextContent);

        // A concern about a care contact goes to the other one and to the administrators; the one it is about never reads it.
        var (second, _) = await people["rui"].SubmitAsync($"{path}/concerns/new", new Dictionary<string, string> { ["About"] = "Person", ["PersonId"] = catoId, ["Text"] = "Cato shared what I told him in confidence." });
        var aboutCato = second.Headers.Location!.OriginalString;
        await hub.Smtp!.WaitForAsync("dina@test.example", "A concern to acknowledge in Willow Congregation");
        await hub.Smtp!.WaitForAsync("ada@test.example", "A concern to acknowledge in Willow Congregation");
        foreach (var (person, expected) in new[] { ("dina", HttpStatusCode.OK), ("ada", HttpStatusCode.OK), ("cato", HttpStatusCode.NotFound), ("hana", HttpStatusCode.NotFound) })
        {
            Assert.True(expected == (await people[person].GetAsync(aboutCato)).Response.StatusCode, person);
        }
        // The raiser cannot acknowledge their own concern; the administrator can.
        await people["rui"].PostAsync(aboutCato + "?handler=Acknowledge", new Dictionary<string, string>());
        Assert.Contains("Waiting to be acknowledged", (await people["dina"].GetAsync(aboutCato)).Page.QuerySelector(".concern-facts")!.TextContent);
        await people["ada"].SubmitAsync(aboutCato, new Dictionary<string, string>(), handler: "Acknowledge");
        Assert.Contains("Acknowledged", (await people["dina"].GetAsync(aboutCato)).Page.QuerySelector(".concern-facts")!.TextContent);

        // Nothing of it in search.
        var (_, search) = await people["dina"].GetAsync("/search?q=confidence");
        Assert.DoesNotContain("in confidence", search.Body!.TextContent);

        // The agreements: published by a host, rendered safely, accepted by members on joining and again when changed.
        var (published, _) = await people["hana"].SubmitAsync($"{path}/agreements", new Dictionary<string, string> { ["Text"] = "## We listen\n\nEveryone gets a turn.\n\n<script>alert(1)</script>" }, handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (_, agreements) = await people["cato"].GetAsync($"{path}/agreements");
        Assert.Equal("We listen", agreements.QuerySelector(".agreements h2")!.TextContent);
        Assert.Empty(agreements.QuerySelectorAll(".agreements script"));
        var (_, congregation) = await people["cato"].GetAsync(path);
        Assert.Contains("The agreements of Willow Congregation changed", congregation.Body!.TextContent);
        Assert.DoesNotContain("changed. Read them", (await people["hana"].GetAsync(path)).Page.Body!.TextContent);
        await people["cato"].SubmitAsync($"{path}/agreements", new Dictionary<string, string>(), handler: "Accept");
        Assert.DoesNotContain("The agreements of Willow Congregation changed", (await people["cato"].GetAsync(path)).Page.Body!.TextContent);
        var (_, joinPage) = await people["otto"].GetAsync(path);
        Assert.Contains("Joining means accepting the agreements of Willow Congregation", joinPage.Body!.TextContent);
        await people["otto"].SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");
        Assert.DoesNotContain("The agreements of Willow Congregation changed", (await people["otto"].GetAsync(path)).Page.Body!.TextContent);

        // Rui's data holds what he raised; deleting his account leaves the concerns with the care contacts, without him.
        var export = await people["rui"].Http.GetStringAsync("/account/download-data");
        Assert.Contains("spoke over me", export);
        Assert.Contains("give everyone a turn", export);
        var (deleted, _) = await people["rui"].SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = Password, ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (_, after) = await people["dina"].GetAsync(concern);
        Assert.Contains("someone who has since left the hub", after.QuerySelector(".concern-facts")!.TextContent);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal(2, await db.Concerns.CountAsync(x => x.RaisedByUserId == null));
        }
    }
}
