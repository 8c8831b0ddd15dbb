using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>A host starts a congregation and invites two people by email; the three form a crew in it, confirm a time and then another, meet with a rotating host, and hold a retrospective where one leaves; two of them then pair up in a dyad.</summary>
public sealed class CrewJourneyTests
{
    private static Task SignUpAsync(IPage page, string baseUrl, SmtpSink smtp, string name, string email) =>
        AccountSteps.SignUpAsync(page, baseUrl, smtp, name, email, "kettle on the stove");

    private static Task SignInAsync(IPage page, string baseUrl, string email, string then) =>
        AccountSteps.SignInAsync(page, baseUrl, email, "kettle on the stove", then);

    private static async Task ShareAvailabilityAsync(IPage page, string baseUrl, params string[] hours)
    {
        await page.GotoAsync($"{baseUrl}/me/profile");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        foreach (var hour in hours)
        {
            await page.GetByLabel(hour, new() { Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
    }

    [Fact]
    public async Task ThreePeople_FormMeetAndRetrospective_CrewContinuesWithTwo()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-crew");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        await using var browser = await BrowserSession.StartAsync("crew-journey");
        var page = browser.Page;
        await SignUpAsync(page, hub.BaseUrl, smtp, "Mara Quill", "mara@test.example");
        await SignUpAsync(page, hub.BaseUrl, smtp, "Tobin Ashe", "tobin@test.example");
        await SignUpAsync(page, hub.BaseUrl, smtp, "Ines Varga", "ines@test.example");

        // Mara hosts a congregation and invites the other two by email; each accepts the link.
        await SignInAsync(page, hub.BaseUrl, "mara@test.example", "/congregations/new");
        await page.GetByLabel("Name").FillAsync("Canal Congregation");
        await page.GetByLabel("Purpose").FillAsync("Neighbours along the canal who want to find their crew.");
        await page.GetByLabel("Place").FillAsync("Utrecht");
        await page.GetByLabel("By invitation only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        var congregationUrl = page.Url;
        foreach (var email in new[] { "tobin@test.example", "ines@test.example" })
        {
            await page.GetByLabel("Their email address").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {email}");
        }
        foreach (var email in new[] { "tobin@test.example", "ines@test.example" })
        {
            var invitation = await smtp.WaitForAsync(email, "invites you to Canal Congregation");
            await SignInAsync(page, hub.BaseUrl, email, "/congregations");
            await page.GotoAsync(SmtpSink.LinkIn(invitation, "/congregations/invitations/"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept and join Canal Congregation" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are a member now");
        }

        // Mara calls the crew from the congregation's page, so it is one of the congregation's crews.
        await SignInAsync(page, hub.BaseUrl, "mara@test.example", "/crews");
        await Assertions.Expect(page.Locator(".empty").Filter(new() { HasText = "No crew yet" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("crews-empty");
        await page.GotoAsync(congregationUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Call a crew here" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Congregation", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
        await page.GetByLabel("Name").FillAsync("Thursday crew");
        await page.GetByLabel("What it is for").FillAsync("Case clinic for people starting out on their own.");
        await page.GetByLabel("Who you invite").FillAsync("tobin@test.example");
        await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Thursday");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitations" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitees-error")).ToContainTextAsync("Invite 2 to 5 people");
        await browser.CheckPageAsync("call-crew-too-few");
        await page.GetByLabel("Who you invite").FillAsync("tobin@test.example\nines@test.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitations" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thursday crew" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("A crew of Canal Congregation");
        var crewUrl = page.Url;
        await browser.CheckPageAsync("crew-forming");

        foreach (var email in new[] { "tobin@test.example", "ines@test.example" })
        {
            await smtp.WaitForAsync(email, "invites you to a crew");
            await SignInAsync(page, hub.BaseUrl, email, "/crews");
            await page.GetByRole(AriaRole.Link, new() { Name = "Thursday crew" }).ClickAsync();
            if (email.StartsWith("tobin", StringComparison.Ordinal))
            {
                await browser.CheckPageAsync("crew-invitation");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Join the crew" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome to the crew");
            await ShareAvailabilityAsync(page, hub.BaseUrl, "Wednesday 18:00", "Thursday 19:00", "Thursday 20:00");
        }

        await SignInAsync(page, hub.BaseUrl, "mara@test.example", "/me/profile");
        await ShareAvailabilityAsync(page, hub.BaseUrl, "Thursday 19:00", "Thursday 20:00", "Friday 09:00");
        await page.GotoAsync(crewUrl);
        await Assertions.Expect(page.Locator(".slot-list")).ToContainTextAsync("Thursday 19:00–21:00");
        await browser.CheckPageAsync("crew-shared-slot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meet at 20:00" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The crew's time is set");
        await Assertions.Expect(page.Locator("#slot-summary")).ToContainTextAsync("on Thursdays at 20:00 (Europe/Berlin)");
        // Finding a time: the overlap as a table of counts, the best slot first; confirming it makes it the crew's slot.
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a time together" }).ClickAsync();
        await Assertions.Expect(page.Locator("#crew-time")).ToContainTextAsync("every week on Thursdays at 20:00 (Europe/Berlin)");
        await Assertions.Expect(page.Locator(".proposals li").First).ToContainTextAsync("Thursday 19:00–21:00 · 3 of 3 free");
        await browser.CheckPageAsync("crew-find-time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meet at 19:00 on Thursday" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The crew's time is set, and everyone has been told");
        await Assertions.Expect(page.Locator("#slot-summary")).ToContainTextAsync("on Thursdays at 19:00 (Europe/Berlin)");
        // Starting the experiment proposes the slot's next date.
        var proposed = await page.GetByLabel("First meeting").InputValueAsync();
        Assert.Equal(DayOfWeek.Thursday, DateOnly.ParseExact(proposed, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayOfWeek);
        await browser.CheckPageAsync("crew-start-proposed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meetings" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync("Host: Mara Quill");
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync(", 19:00"); // one time, in the viewer's zone (Berlin, as the crew's)
        await smtp.WaitForAsync("tobin@test.example", "Thursday crew now meets every week on Thursdays at 19:00");

        // Re-confirming another time moves the meetings still to come, each with its host and focus person, and tells everyone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a time together" }).ClickAsync();
        await Assertions.Expect(page.Locator("#crew-time")).ToContainTextAsync("moves the meetings still to come");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meet at 18:00 on Wednesday" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the meetings still to come move to it");
        await Assertions.Expect(page.Locator("#slot-summary")).ToContainTextAsync("Weekly on Wednesdays at 18:00 (Europe/Berlin)");
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync("Wed");
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync(", 18:00");
        await Assertions.Expect(page.Locator("article.card").First).ToContainTextAsync("Host: Mara Quill");
        var moved = await smtp.WaitForAsync("ines@test.example", "Thursday crew now meets every week on Wednesdays at 18:00");
        Assert.Contains("Mara Quill confirmed a new time", moved.TextBody);
        Assert.Contains(moved.Attachments, a => a.ContentDisposition?.FileName == "crew-meetings.ics");
        await browser.CheckPageAsync("crew-moved");
        await page.GetByLabel("Notes (only this crew reads them)").First.FillAsync("Tobin's case: pricing the first workshop.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Notes saved");
        await browser.CheckPageAsync("crew-meetings");

        await page.GetByText("Open the retrospective now").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the retrospective" }).ClickAsync();
        foreach (var (email, choice) in new[] { ("mara@test.example", "continue"), ("tobin@test.example", "leave, with thanks"), ("ines@test.example", "continue") })
        {
            await SignInAsync(page, hub.BaseUrl, email, new Uri(crewUrl).AbsolutePath);
            await page.GetByLabel("What worked for you").FillAsync("Having a fixed evening.");
            await page.GetByLabel(choice).CheckAsync();
            if (email.StartsWith("tobin", StringComparison.Ordinal))
            {
                await browser.CheckPageAsync("retrospective");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer stays private");
        }
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("The crew continues with two.");
        await Assertions.Expect(page.Locator("#people")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Invite someone: their name, or their email address")).ToBeVisibleAsync();
        await browser.CheckPageAsync("crew-continues");

        // Beside the crew, a dyad: Ines proposes one to Mara, who starts it; their check-ins follow a practice for pairs.
        await page.GotoAsync($"{hub.BaseUrl}/dyads");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No dyad yet");
        await browser.CheckPageAsync("dyads-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a dyad" }).ClickAsync();
        await page.GetByLabel("Their name, or their email address").FillAsync("mara at test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partner-error")).ToContainTextAsync("does not look like an email address");
        await browser.CheckPageAsync("dyad-propose-wrong");
        await page.GetByLabel("Their name, or their email address").FillAsync("mara@test.example");
        await page.GetByLabel("For how many weeks").FillAsync("6");
        await page.GetByLabel("What you hope for (optional)").FillAsync("Talking through the first months of working on our own.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposal sent to");
        // Until Mara answers, Ines's list names her without a link: it says nothing of whether the address has an account.
        await Assertions.Expect(page.Locator(".card-list")).ToContainTextAsync("With Mara Quill");
        await browser.CheckPageAsync("dyads-proposed");

        await SignInAsync(page, hub.BaseUrl, "mara@test.example", "/dyads");
        await page.GetByRole(AriaRole.Link, new() { Name = "With Ines Varga" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start the pair" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("dyad-proposal-to-answer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the pair" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The pair has started");
        await page.GetByLabel("Check-in structure").SelectOptionAsync("peer-coaching-pair");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this structure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your check-ins follow the practice you chose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the check-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#checkin-error")).ToContainTextAsync("Write a short check-in");
        await page.GetByLabel("Check-in: what came up, what is next").FillAsync("Ines priced her first workshop. Next: ask two past clients for a word.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Check-in added");
        await Assertions.Expect(page.Locator("#check-in-structure")).ToContainTextAsync("Peer-coaching pair");
        await browser.CheckPageLightAndDarkAsync("dyad-active");
        await page.GetByRole(AriaRole.Link, new() { Name = "Our agreements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our agreements", Level = 1 })).ToBeVisibleAsync();
        await browser.CheckPageAsync("dyad-agreements");

        // Mara's own journal, still empty: it offers a practice for one person and waits for a first entry.
        await page.GotoAsync($"{hub.BaseUrl}/me/journal");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No entries yet");
        await browser.CheckPageAsync("journal-empty");
    }
}
