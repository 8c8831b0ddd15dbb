using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A congregation's life between gatherings, by two members in two browsers: a thread started in Markdown, a reply
/// with a mention and a thank-you, the author's edit with its history shown; a consent decision the host proposes and
/// the other answers; an offer one posts and the other finds by skill and answers. axe-core on each page, wide and
/// at a phone's width.
/// </summary>
public sealed class CongregationLifeJourneyTests
{
    private const string Password = "a kettle on the stove";

    [Fact]
    public async Task TwoMembers_TalkInAThread_DecideByConsent_AndAnswerAnOffer()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-congregation-life");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        var url = hub.BaseUrl;
        // Two people, each in a browser context of their own (their own cookies), as on two devices.
        await using var wren = await BrowserSession.StartAsync("congregation-life-journey");
        await using var tomas = await BrowserSession.StartAsync("congregation-life-journey-second");
        var page = wren.Page;
        var other = tomas.Page;
        await AccountSteps.SignUpAsync(page, url, smtp, "Wren Alderley", "wren@test.example", Password);
        await AccountSteps.SignUpAsync(other, url, smtp, "Tomas Eberhardt", "tomas@test.example", Password);

        // Wren starts an open congregation; Tomas joins it.
        await page.GotoAsync($"{url}/congregations/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Orchard Congregation");
        await page.GetByLabel("Purpose").FillAsync("Neighbours of the old orchard who gather so that crews can form.");
        await page.GetByLabel("Place").FillAsync("Ghent");
        await page.GetByLabel("Anyone: people join at once").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the congregation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orchard Congregation" })).ToBeVisibleAsync();
        var congregation = new Uri(page.Url).AbsolutePath;
        await other.GotoAsync(url + congregation);
        await other.GetByRole(AriaRole.Button, new() { Name = "Join Orchard Congregation" }).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Navigation, new() { Name = "Orchard Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Conversations", Exact = true })).ToBeVisibleAsync();

        // Conversations: Wren starts a thread in Markdown from the congregation's places.
        ILocator Places(IPage p) => p.GetByRole(AriaRole.Navigation, new() { Name = "Orchard Congregation" });
        await Places(page).GetByRole(AriaRole.Link, new() { Name = "Conversations", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No conversations yet");
        await wren.CheckPageAsync("conversations-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a conversation" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Apple pressing in October");
        await page.GetByLabel("Your first post").FillAsync("Shall we press apples **together** this year?\n\n- the press is in my shed\n- we need jars");
        await wren.CheckPageAsync("conversation-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apple pressing in October", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".conversation-post .prose strong")).ToHaveTextAsync("together");
        await Assertions.Expect(page.Locator(".conversation-post .prose li")).ToHaveCountAsync(2);
        var thread = page.Url;

        // Tomas finds it in the list, replies mentioning Wren (the hint names who can be mentioned), and thanks her.
        await other.GotoAsync(url + congregation + "/conversations");
        await Assertions.Expect(other.Locator(".conversation-list")).ToContainTextAsync("Wren Alderley");
        await tomas.CheckPageAsync("conversations");
        await other.GetByRole(AriaRole.Link, new() { Name = "Apple pressing in October" }).ClickAsync();
        await other.GetByText("Mention someone").ClickAsync();
        await Assertions.Expect(other.Locator(".mention-hint")).ToContainTextAsync("@Wren Alderley");
        await other.GetByLabel("Your reply").FillAsync("@Wren Alderley I can bring *jars*, and my cousin's ladder.");
        await other.GetByRole(AriaRole.Button, new() { Name = "Post your reply" }).ClickAsync();
        await Assertions.Expect(other.Locator(".conversation-post")).ToHaveCountAsync(2);
        await Assertions.Expect(other.Locator(".conversation-post").Nth(1).Locator(".prose em")).ToHaveTextAsync("jars");
        await other.Locator(".conversation-post").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Thank you") }).ClickAsync();
        await Assertions.Expect(other.Locator(".conversation-post").First.Locator(".reaction-who")).ToContainTextAsync("Thank you: you");
        await Assertions.Expect(other.Locator(".conversation-post").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Thank you") }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await tomas.CheckPageAsync("conversation-replied");
        await smtp.WaitForAsync("wren@test.example", "Re: Apple pressing in October");

        // Wren edits her post; the earlier version stays readable under it, for her and for Tomas.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".conversation-post").First.Locator(".reaction-who")).ToContainTextAsync("Thank you: Tomas Eberhardt");
        await page.Locator(".conversation-post").First.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Change your post").FillAsync("Shall we press apples **together** this year? Saturday the 10th suits me.\n\n- the press is in my shed\n- we need jars");
        await wren.CheckPageAsync("conversation-editing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        var edited = page.Locator(".conversation-post").First;
        await Assertions.Expect(edited.Locator(".post-meta")).ToContainTextAsync("edited");
        await Assertions.Expect(edited.Locator(".prose").First).ToContainTextAsync("Saturday the 10th");
        await edited.GetByText("Earlier version").ClickAsync();
        await Assertions.Expect(edited.Locator(".post-version")).ToContainTextAsync("Shall we press apples together this year?");
        await Assertions.Expect(edited.Locator(".post-version")).Not.ToContainTextAsync("Saturday");
        await wren.CheckPageAsync("conversation-edited");
        await other.ReloadAsync();
        await Assertions.Expect(other.Locator(".conversation-post").First.Locator(".post-versions")).ToContainTextAsync("Earlier version");

        // A decision: Wren, the host, proposes one by consent; Tomas sees who will see his answer, and agrees.
        await Places(page).GetByRole(AriaRole.Link, new() { Name = "Decisions", Exact = true }).ClickAsync();
        await wren.CheckPageAsync("decisions-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose something" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Consent") })).ToBeCheckedAsync();
        await page.GetByLabel("The question").FillAsync("Shall we buy a second apple press together?");
        await page.GetByLabel("The proposal").FillAsync("We buy a second-hand press for up to **120 euros** from the shared pot.");
        await wren.CheckPageAsync("decision-new");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Put it to ") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shall we buy a second apple press together?", Level = 1 })).ToBeVisibleAsync();
        var decision = page.Url;
        await other.GotoAsync(decision);
        await Assertions.Expect(other.Locator("#visibility")).ToContainTextAsync("with its name and reason");
        await other.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Agree") }).CheckAsync();
        await other.GetByLabel("Your reason").FillAsync("Yes: I can fetch it in my van.");
        await tomas.CheckPageAsync("decision-to-answer");
        await other.GetByRole(AriaRole.Button, new() { Name = "Give my answer" }).ClickAsync();
        await Assertions.Expect(other.Locator("#answers")).ToContainTextAsync("I can fetch it in my van");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("Tomas Eberhardt: Agree");
        await Assertions.Expect(page.Locator("#answer-counts .decision-agree")).ToHaveTextAsync("1 agree");
        await wren.CheckPageAsync("decision-with-an-answer");

        // An offer: Tomas offers his van to the congregation; Wren finds it by skill and answers him privately.
        await Places(other).GetByRole(AriaRole.Link, new() { Name = "Offers and requests" }).ClickAsync();
        await tomas.CheckPageAsync("offers-empty");
        await other.GetByRole(AriaRole.Link, new() { Name = "Post an offer or a request" }).First.ClickAsync();
        await Assertions.Expect(other.GetByLabel("Who sees it")).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$")); // the congregation it came from
        await other.GetByLabel("offer something").CheckAsync();
        await other.GetByLabel("What it is").SelectOptionAsync(new SelectOptionValue { Label = "Tools" });
        await other.GetByLabel("In a line").FillAsync("A van for moving days");
        await other.GetByLabel("Details").FillAsync("Fits a sofa. **Weekends** suit me best.");
        await other.GetByLabel("Skills").FillAsync("driving, moving");
        await other.GetByLabel("Place").FillAsync("Ghent");
        await tomas.CheckPageAsync("offer-new");
        await other.GetByRole(AriaRole.Button, new() { Name = "Post it" }).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "A van for moving days", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("#expires-at")).ToContainTextAsync(", 23:59"); // the end of the day chosen, not the next midnight

        await Places(page).GetByRole(AriaRole.Link, new() { Name = "Offers and requests" }).ClickAsync();
        await page.GetByLabel("Skill or words").FillAsync("moving");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".offer-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".offer-card")).ToContainTextAsync("Tomas Eberhardt");
        await wren.CheckPageAsync("offers-found");
        await page.GetByRole(AriaRole.Link, new() { Name = "A van for moving days" }).ClickAsync();
        await page.GetByLabel("Your message").FillAsync("Could you help me move a wardrobe on the 17th?");
        await wren.CheckPageAsync("offer-to-answer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to Tomas Eberhardt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".offer-answer")).ToContainTextAsync("wardrobe");
        await other.ReloadAsync();
        await Assertions.Expect(other.Locator(".offer-answer")).ToContainTextAsync("Could you help me move a wardrobe on the 17th?");
        await tomas.CheckPageAsync("offer-answered");
    }
}
