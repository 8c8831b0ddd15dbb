using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A host of the demo congregation tends hosting together: the autumn gathering's hosts and what each did, a member's
/// proposed event to say yes to, the congregation's levels, and the members' page with an invitation to host waiting.
/// Then a level offered, never assigned: the host invites a new member to be a Partner; she finds the invitation on her
/// home, says yes, and the congregation's pages show her as a Partner.
/// </summary>
public sealed class HostingTogetherJourneyTests
{
    [Fact]
    public async Task Host_SeesCoHostsAndTheirLog_SaysYesToAProposal_DescribesALevel_AndInvitesAMemberToIt()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-hosting");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Environment"] = "Development",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
        });
        var lines = hub.Output.ToList();
        var email = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var password = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

        await using var browser = await BrowserSession.StartAsync("hosting-together");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/congregations/riverside/host");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The hosting page lists the proposal waiting and the setting for members' events.
        var membersEvents = page.GetByRole(AriaRole.Region, new() { Name = "Members' events" });
        await Assertions.Expect(membersEvents).ToContainTextAsync("Repair café by the river");
        await browser.CheckPageAsync("hosting-members-events");
        await membersEvents.GetByRole(AriaRole.Link, new() { Name = "Repair café by the river" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kofi Mensah-Reed proposes this event" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("proposal-to-decide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Not this time" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message-error")).ToContainTextAsync("kind words");
        await browser.CheckPageAsync("proposal-decline-without-words");
        await page.GetByLabel("A few words for Kofi Mensah-Reed").FillAsync("What a good idea. Bring your toolbox!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, put it up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The event is up");
        await browser.CheckPageAsync("proposal-approved-event");

        // The autumn gathering: Noor co-hosts with Tomas, and what each did is listed.
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Riverside autumn gathering" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hosting together" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Who hosts" })).ToContainTextAsync("Noor Haddad-Lind co-hosts");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "What the hosts did" })).ToContainTextAsync("added the discount code CREWMATE");
        await browser.CheckPageAsync("event-hosts");

        // The levels, described, and the congregation's page explaining them.
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside/levels");
        await page.GetByLabel("What it means here").First.FillAsync("Comes to gatherings and calls, and is welcome in any crew.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save Friend" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Friend is saved");
        await browser.CheckPageAsync("levels");
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Levels, and the path between them" })).ToContainTextAsync("welcome in any crew");

        // The members' page: Noor's invitation to host waits for her answer.
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside/members");
        await Assertions.Expect(page.Locator(".member-list")).ToContainTextAsync("Invited to host Riverside Congregation; waiting for Noor Haddad-Lind's answer.");
        await browser.CheckPageAsync("members-invitation-waiting");

        // Juno, invited by email, joins in one step (a browser of her own, as on her own device).
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside");
        await page.GetByLabel("Their name, or their email address").FillAsync("juno@test.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent to juno@test.example");
        await using var member = await BrowserSession.StartAsync("hosting-together-member");
        var juno = member.Page;
        await juno.GotoAsync(SmtpSink.LinkIn(await smtp.WaitForAsync("juno@test.example", "invites you to Riverside Congregation"), "/congregations/invitations/"));
        await juno.GetByLabel("Your name").FillAsync("Juno Alderwick");
        await juno.GetByLabel("Password").FillAsync("moss on the north wall");
        await juno.GetByRole(AriaRole.Button, new() { Name = "Create my account and join Riverside Congregation" }).ClickAsync();
        await Assertions.Expect(juno.GetByRole(AriaRole.Main)).ToContainTextAsync("Your level: Friend.");

        // The host invites her to be a Partner from the members' page: nothing changes until she says yes.
        await page.GotoAsync($"{hub.BaseUrl}/congregations/riverside/members");
        var card = page.Locator(".member-list > li").Filter(new() { HasText = "Juno Alderwick" });
        await card.GetByText("Invite Juno Alderwick to more, or change their place").ClickAsync();
        await card.GetByLabel("Level", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Partner" });
        await browser.CheckPageAsync("members-invite-to-a-level");
        await card.GetByRole(AriaRole.Button, new() { Name = "Invite to this level" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nothing changes until they say yes");
        card = page.Locator(".member-list > li").Filter(new() { HasText = "Juno Alderwick" });
        await Assertions.Expect(card).ToContainTextAsync("Invited to be a Partner; waiting for Juno Alderwick's answer.");
        await Assertions.Expect(card.Locator("p.muted").First).ToContainTextAsync("Friend");

        // Juno finds it waiting on her home, reads it, and says yes.
        await juno.GotoAsync($"{hub.BaseUrl}/");
        var waiting = juno.Locator("section#waiting");
        await Assertions.Expect(waiting).ToContainTextAsync("Partner in Riverside Congregation");
        await Assertions.Expect(waiting).ToContainTextAsync("Nothing changes until you say yes");
        await member.CheckPageAsync("home-level-invitation");
        await waiting.Locator("li.card").Filter(new() { HasText = "Partner in Riverside Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Answer the invitation" }).ClickAsync();
        await Assertions.Expect(juno.GetByRole(AriaRole.Heading, new() { Name = "Hub administrator invites you to be a Partner" })).ToBeVisibleAsync();
        await member.CheckPageAsync("level-invitation");
        await juno.GetByRole(AriaRole.Button, new() { Name = "Yes, gladly" }).ClickAsync();
        await Assertions.Expect(juno.GetByRole(AriaRole.Status)).ToContainTextAsync("it is so from now on");
        await member.CheckPageAsync("level-invitation-accepted");
        await juno.GotoAsync($"{hub.BaseUrl}/congregations/riverside");
        await Assertions.Expect(juno.GetByRole(AriaRole.Main)).ToContainTextAsync("Your level: Partner.");
        await member.CheckPageAsync("congregation-as-partner");

        // The congregation's members' page shows her as a Partner, with nothing left waiting; the host heard her answer.
        await smtp.WaitForAsync(email, "Juno Alderwick said yes: to be a Partner");
        await page.ReloadAsync();
        card = page.Locator(".member-list > li").Filter(new() { HasText = "Juno Alderwick" });
        await Assertions.Expect(card.Locator("p.muted").First).ToContainTextAsync("Partner");
        await Assertions.Expect(card).Not.ToContainTextAsync("waiting for Juno Alderwick's answer");
        await browser.CheckPageAsync("members-partner");
    }
}
