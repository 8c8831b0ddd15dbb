using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A member pledges, a treasurer records the payment, the member becomes a network member, proposes
/// a scholarship fund, two contributors advise, an administrator approves, and the public page shows it.
/// </summary>
public sealed class CommonsJourneyTests
{
    private const string Password = "coins in the common jar";

    private static Task SignUpAsync(IPage page, string baseUrl, SmtpSink smtp, string name, string email) =>
        AccountSteps.SignUpAsync(page, baseUrl, smtp, name, email, Password);

    private static Task SignInAsync(IPage page, string baseUrl, string email, string then, string password = Password) =>
        AccountSteps.SignInAsync(page, baseUrl, email, password, then);

    private static async Task PledgeAsync(IPage page, string amount)
    {
        await page.GetByLabel("Amount").FillAsync(amount);
        await page.GetByLabel("Currency").SelectOptionAsync("EUR");
        await page.GetByLabel("Every month").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pledge" }).ClickAsync();
    }

    [Fact]
    public async Task Member_PledgesIsRecordedProposesAndIsApproved_TransparencyPageShowsIt()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-commons");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        var lines = hub.Output.ToList();
        var adminEmail = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var adminPassword = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        await using var browser = await BrowserSession.StartAsync("commons-journey");
        var page = browser.Page;

        await page.GotoAsync($"{hub.BaseUrl}/commons");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("Nothing in the commons yet");
        await browser.CheckPageAsync("commons-empty");

        await SignUpAsync(page, hub.BaseUrl, smtp, "Mina Ostrova", "mina@test.example");
        await SignUpAsync(page, hub.BaseUrl, smtp, "Ravi Okafor", "ravi@test.example");
        await SignUpAsync(page, hub.BaseUrl, smtp, "Alba Nyström", "alba@test.example");
        await SignUpAsync(page, hub.BaseUrl, smtp, "Juno Pereira", "juno@test.example");

        // The hub administrator names a treasurer and an administrator of the commons.
        await SignInAsync(page, hub.BaseUrl, adminEmail, "/admin/commons", adminPassword);
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("Nobody holds a role yet");
        await page.GetByLabel("Their email address").FillAsync("ravi@test.example");
        await page.GetByLabel("treasurer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Name them" }).ClickAsync();
        await page.GetByLabel("Their email address").FillAsync("alba@test.example");
        await page.GetByLabel("administrator of the commons").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Name them" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message-list")).ToContainTextAsync("Alba Nyström");
        await browser.CheckPageAsync("roles-named");

        // Where members send money: an IBAN with one digit wrong is caught, then the right one is saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "the commons' bank details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No bank details yet");
        await page.GetByLabel("Account holder").FillAsync("Network Commons");
        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("DE89 3704 0044 0532 0130 01");
        await page.GetByLabel("BIC (optional)").FillAsync("COBADEFFXXX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#iban-error")).ToContainTextAsync("check digits");
        await browser.CheckPageAsync("bank-details-wrong-iban");
        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("DE89 3704 0044 0532 0130 00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bank-accounts")).ToContainTextAsync("DE89 3704 0044 0532 0130 00");
        await browser.CheckPageAsync("bank-details-saved");

        // The network's monthly call, for network members only.
        await page.GotoAsync($"{hub.BaseUrl}/gatherings/new");
        var firstThursday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        while (firstThursday.DayOfWeek != DayOfWeek.Thursday || firstThursday.Day > 7)
        {
            firstThursday = firstThursday.AddDays(1);
        }
        await page.GetByLabel("Hosted by").SelectOptionAsync("network");
        await page.GetByLabel("Title").FillAsync("Members' call");
        await page.GetByLabel("Kind").SelectOptionAsync("NetworkCall");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(firstThursday.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Starts at").FillAsync("19:30");
        await page.GetByLabel("Ends at").FillAsync("21:00");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        await page.GetByLabel("Repeats").SelectOptionAsync("monthly-weekday");
        await page.GetByLabel("It happens online").CheckAsync();
        await page.GetByLabel("Call link").FillAsync("https://call.example/members");
        await page.GetByLabel("Who can see it").SelectOptionAsync("NetworkMembers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members' call" })).ToBeVisibleAsync();
        var membersCall = new Uri(page.Url).AbsolutePath;

        // Mina is not a network member yet: the members' call is not hers to see.
        await SignInAsync(page, hub.BaseUrl, "mina@test.example", "/gatherings");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Members' call");
        Assert.Equal(404, (await page.GotoAsync($"{hub.BaseUrl}{membersCall}"))!.Status);

        // Mina pledges, first with an amount that is not one.
        await page.GotoAsync($"{hub.BaseUrl}/commons/contribute");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("You have not pledged yet");
        await PledgeAsync(page, "0");
        await Assertions.Expect(page.Locator("#amount-error")).ToContainTextAsync("above zero");
        await browser.CheckPageAsync("pledge-zero");
        await PledgeAsync(page, "5");
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Your monthly pledge is noted");
        await Assertions.Expect(page.Locator(".bank-transfer")).ToContainTextAsync("DE89 3704 0044 0532 0130 00");
        var minaReference = (await page.Locator(".bank-transfer strong.reference").TextContentAsync())!.Trim();
        Assert.Matches("^MSH-[A-Z0-9]{4}-[A-Z0-9]{2}$", minaReference);
        await browser.CheckPageAsync("pledged");

        await SignInAsync(page, hub.BaseUrl, "juno@test.example", "/commons/contribute");
        await PledgeAsync(page, "3");

        // Ravi, the treasurer, contributes too, then records the three payments and a gift towards scholarships.
        await SignInAsync(page, hub.BaseUrl, "ravi@test.example", "/commons/contribute");
        await PledgeAsync(page, "4");
        await page.GotoAsync($"{hub.BaseUrl}/commons/treasury");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina Ostrova" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("treasury-pledges");
        // A transfer arrives with the reference as the bank printed it: the search finds Mina's pledge alone.
        await page.GetByLabel("Reference or name").FillAsync(minaReference.Replace("-", " ").ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.Locator(".card-list .card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".card-list .card")).ToContainTextAsync(minaReference);
        await browser.CheckPageAsync("treasury-found-by-reference");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payment from Mina Ostrova" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Payment recorded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payment from Juno Pereira" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payment from Ravi Okafor" }).ClickAsync();
        await page.GetByLabel("What it is").SelectOptionAsync("Gift");
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("500");
        await page.GetByLabel("Description").FillAsync("Gift from a neighbouring network towards scholarships");
        await page.GetByLabel("Category (optional)").FillAsync("scholarship");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Entry recorded");
        await browser.CheckPageAsync("treasury-recorded");

        // Mina is now a network member (and was told so).
        await smtp.WaitForAsync("mina@test.example", "Welcome to the network");
        await SignInAsync(page, hub.BaseUrl, "mina@test.example", "/commons/contribute");
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("You are a network member since");
        await browser.CheckPageAsync("network-member");

        // As a network member she can answer the members' call.
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Members' call" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are going");
        await browser.CheckPageAsync("members-call-going");

        // The call asks for a small contribution per ticket; Mina chooses hers and sees how to pay it.
        await SignInAsync(page, hub.BaseUrl, adminEmail, $"{membersCall}/tickets", adminPassword);
        await page.GetByLabel("Tier", new() { Exact = true }).FillAsync("Contribution");
        await page.GetByLabel("Price (or the minimum) in EUR").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the tier" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tiers")).ToContainTextAsync("Contribution");
        await SignInAsync(page, hub.BaseUrl, "mina@test.example", membersCall);
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose this ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pay-ticket")).ToContainTextAsync("DE89 3704 0044 0532 0130 00");
        var ticketReference = (await page.Locator("#pay-ticket strong.reference").TextContentAsync())!.Trim();
        await browser.CheckPageAsync("ticket-to-pay");
        await SignInAsync(page, hub.BaseUrl, adminEmail, $"{membersCall}/tickets", adminPassword);
        await page.GetByLabel("Reference or name").FillAsync(ticketReference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tickets tbody tr")).ToHaveCountAsync(1);
        await browser.CheckPageAsync("tickets-found-by-reference");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tickets")).ToContainTextAsync("Paid");
        await SignInAsync(page, hub.BaseUrl, "mina@test.example", "/commons/proposals");

        // She proposes a scholarship fund.
        await page.GotoAsync($"{hub.BaseUrl}/commons/proposals");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No proposals yet");
        await page.GetByLabel("What the money is for").FillAsync("A scholarship fund for the summer gathering, so that cost keeps nobody away.");
        await page.GetByLabel("Who receives it").FillAsync("The gathering's scholarship fund");
        await page.GetByLabel("Amount").FillAsync("300");
        await page.GetByLabel("It is a scholarship").CheckAsync();
        await browser.CheckPageAsync("proposal-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("open for advice");
        var proposal = new Uri(page.Url).AbsolutePath;
        await browser.CheckPageAsync("proposal-open");

        // Two contributors advise.
        foreach (var (email, kind, words) in new[]
        {
            ("juno@test.example", "Support", "Yes: last year two people could not come because of the price."),
            ("ravi@test.example", "A concern", "Let us keep each grant under €150 so more people benefit."),
        })
        {
            await SignInAsync(page, hub.BaseUrl, email, proposal);
            await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
            await page.GetByLabel("In your words").FillAsync(words);
            await page.GetByRole(AriaRole.Button, new() { Name = "Give advice" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Thank you for your advice");
        }

        // Alba decides: first without a reason, then with one.
        await SignInAsync(page, hub.BaseUrl, "alba@test.example", proposal);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("under €150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reason-error")).ToContainTextAsync("Write the reason");
        await browser.CheckPageAsync("decide-without-reason");
        await page.GetByLabel("Approve").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Clear support; Ravi's cap of €150 per grant is adopted.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge").First).ToContainTextAsync("approved");
        await browser.CheckPageAsync("proposal-approved");
        await smtp.WaitForAsync("mina@test.example", "Your proposal was approved");

        // Ravi pays it; the public page shows the scholarship (a total, no names) and the new balance.
        await SignInAsync(page, hub.BaseUrl, "ravi@test.example", proposal);
        await page.GetByRole(AriaRole.Button, new() { Name = "It is paid" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("the expense is in the ledger");
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"{hub.BaseUrl}/commons");
        await Assertions.Expect(page.Locator(".commons-balances")).ToContainTextAsync("€212.00");
        await Assertions.Expect(page.Locator("#scholarships-heading + ul")).ToContainTextAsync("€300.00 in 1 scholarship");
        await Assertions.Expect(page.Locator("#recurring-heading ~ .table-wrap")).ToContainTextAsync("€12.00");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Mina");
        await browser.CheckPageAsync("commons-after");
    }
}
