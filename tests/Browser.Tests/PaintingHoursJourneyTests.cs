using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// Two people paint their free hours, by dragging and with the keyboard, on their profile and on a crew's
/// "find a time"; the hours are kept; the overlap reads as a heat map; without JavaScript the grid is still
/// checkboxes. On a phone the header folds into a menu and the handbook's chapters open from a button.
/// </summary>
public sealed class PaintingHoursJourneyTests
{
    private const string Password = "kettle on the stove";

    private static string WriteHandbook()
    {
        var folder = TestPaths.NewTemporaryDirectory("handbook-drawer");
        File.WriteAllText(Path.Combine(folder, "SUMMARY.md"),
            "# Table of contents\n\n* [Welcome](README.md)\n* [Crews](crews.md)\n* [Congregations](congregations.md)\n* [Hosting](hosting.md)\n");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# Welcome\n\nA short book for trying the hub's reading pages.\n");
        var paragraph = "A crew is a handful of people who keep meeting, so that each of them is known by the others. " +
            "They settle on an evening, take turns to host, and look back together after a few weeks.\n\n";
        foreach (var (file, title) in new[] { ("crews.md", "Crews"), ("congregations.md", "Congregations"), ("hosting.md", "Hosting") })
        {
            File.WriteAllText(Path.Combine(folder, file), $"# {title}\n\n## Why\n\n{paragraph}{paragraph}## How\n\n{paragraph}{paragraph}{paragraph}");
        }
        return folder;
    }

    private static ILocator Hour(IPage page, string grid, string label) =>
        page.Locator($"#{grid}").GetByLabel(label, new() { Exact = true });

    /// <summary>Presses on one hour, moves to another in small steps and lets go, as a hand with a mouse would.</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        await to.ScrollIntoViewIfNeededAsync();
        var start = (await from.BoundingBoxAsync())!;
        var end = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The same with a finger: touch events through the browser's input pipeline, as a phone sends them.</summary>
    private static async Task TouchDragAsync(IPage page, ILocator from, ILocator to)
    {
        await to.ScrollIntoViewIfNeededAsync();
        var start = (await from.BoundingBoxAsync())!;
        var end = (await to.BoundingBoxAsync())!;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setTouchEmulationEnabled", new() { ["enabled"] = true, ["maxTouchPoints"] = 1 });
        Task Touch(string type, double x, double y) => cdp.SendAsync("Input.dispatchTouchEvent", new()
        {
            ["type"] = type,
            ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["x"] = x, ["y"] = y } },
        });
        var (x0, y0, x1, y1) = (start.X + start.Width / 2, start.Y + start.Height / 2, end.X + end.Width / 2, end.Y + end.Height / 2);
        await Touch("touchStart", x0, y0);
        for (var step = 1; step <= 8; step++)
        {
            await Touch("touchMove", x0 + (x1 - x0) * step / 8, y0 + (y1 - y0) * step / 8);
        }
        await Touch("touchEnd", x1, y1);
        await cdp.SendAsync("Emulation.setTouchEmulationEnabled", new() { ["enabled"] = false });
        await cdp.DetachAsync();
    }

    private static async Task<string[]> TickedAsync(IPage page, string grid) =>
        [.. (await page.Locator($"#{grid} input:checked").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.getAttribute('aria-label'))")).Order()];

    [Fact]
    public async Task TwoMembers_PaintHoursByDragAndKeyboard_KeptAfterReloadOverlapShownAndPhoneMenusOpen()
    {
        var book = WriteHandbook();
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-hours");
        var settings = new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        };
        var (code, output) = await HubProcess.RunToEndAsync(folder, settings, "handbook", "import", book, "--author", "The test writers");
        Assert.True(code == 0, output);
        await using var hub = await HubProcess.StartAsync(folder, settings);
        await using var browser = await BrowserSession.StartAsync("painting-hours");
        var page = browser.Page;
        await AccountSteps.SignUpAsync(page, hub.BaseUrl, smtp, "Pell Ordway", "pell@test.example", Password);
        await AccountSteps.SignUpAsync(page, hub.BaseUrl, smtp, "Noor Fennick", "noor@test.example", Password);

        // The profile's grid: every hour of the day, in a box that opens at the waking hours.
        await AccountSteps.SignInAsync(page, hub.BaseUrl, "noor@test.example", Password, "/me/profile");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        await Assertions.Expect(page.Locator("#profile-hours input[type=checkbox][name=Free]")).ToHaveCountAsync(168);
        var box = page.Locator("[data-week-box]:has(#profile-hours)");
        await Assertions.Expect(box).ToHaveAttributeAsync("data-opened", "");
        Assert.True(await box.EvaluateAsync<double>("b => b.scrollTop") > 0, "The box should open at the waking hours, not at midnight.");
        Assert.True(await box.EvaluateAsync<bool>("""
            box => {
              const head = box.querySelector('thead th').getBoundingClientRect();
              const seven = box.querySelector('[aria-label="Monday 07:00"]').getBoundingClientRect();
              const six = box.querySelector('[aria-label="Monday 06:00"]').getBoundingClientRect();
              return six.bottom <= head.bottom + 1 && seven.top >= head.bottom - 1 && seven.bottom <= box.getBoundingClientRect().bottom;
            }
            """), "07:00 should be the first hour in view below the days.");
        await Assertions.Expect(page.Locator(".week-grid-keys")).ToBeVisibleAsync();

        // Dragging from an empty hour ticks the block between; dragging from a ticked hour clears it.
        await DragAsync(page, Hour(page, "profile-hours", "Tuesday 09:00"), Hour(page, "profile-hours", "Thursday 11:00"));
        await DragAsync(page, Hour(page, "profile-hours", "Wednesday 10:00"), Hour(page, "profile-hours", "Wednesday 11:00"));
        // The keyboard: Space ticks, Shift with an arrow stretches the block, an arrow moves, Enter ticks. In English the
        // week starts on Sunday: the arrows and the block go by the columns the reader sees, Sunday then Monday.
        await Assertions.Expect(page.Locator("#profile-hours thead th[data-day]").First).ToHaveAttributeAsync("data-day", "6");
        await Hour(page, "profile-hours", "Sunday 13:00").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        await Assertions.Expect(page.Locator(".week-grid-said")).ToHaveTextAsync("Sunday 13:00 to Sunday 15:00: free");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await Assertions.Expect(page.Locator(".week-grid-said")).ToHaveTextAsync("Sunday 13:00 to Monday 15:00: free");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Hour(page, "profile-hours", "Tuesday 15:00")).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(hub.BaseUrl + "/me/profile"); // Enter ticked, it did not send the form
        string[] painted =
        [
            "Sunday 13:00", "Sunday 14:00", "Sunday 15:00", "Monday 13:00", "Monday 14:00", "Monday 15:00", "Tuesday 15:00",
            "Thursday 09:00", "Thursday 10:00", "Thursday 11:00",
            "Tuesday 09:00", "Tuesday 10:00", "Tuesday 11:00",
            "Wednesday 09:00",
        ];
        Assert.Equal(painted.Order(), await TickedAsync(page, "profile-hours"));
        // One stop for Tab: only the hour last used takes focus from outside the grid.
        Assert.Equal(1, await page.Locator("#profile-hours input[tabindex='0']").CountAsync());
        await browser.CheckPageLightAndDarkAsync("profile-painted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
        await page.GotoAsync(hub.BaseUrl + "/me/profile");
        Assert.Equal(painted.Order(), await TickedAsync(page, "profile-hours"));

        // On a phone every hour is still a target of at least 32 px, and the grid scrolls in its own box.
        await page.SetViewportSizeAsync(375, 740);
        var cell = (await Hour(page, "profile-hours", "Monday 07:00").BoundingBoxAsync())!;
        Assert.True(cell.Width >= 32 && cell.Height >= 32, $"An hour is {cell.Width}×{cell.Height} px at 375 px wide.");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await page.SetViewportSizeAsync(1280, 800);

        // Without JavaScript the grid is plain checkboxes that post the same fields.
        var plain = await page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "en-GB", TimezoneId = "Europe/Berlin" });
        var plainPage = await plain.NewPageAsync();
        await AccountSteps.SignInAsync(plainPage, hub.BaseUrl, "noor@test.example", Password, "/me/profile");
        await Assertions.Expect(plainPage.Locator(".week-grid-keys")).ToBeHiddenAsync();
        await Hour(plainPage, "profile-hours", "Friday 08:00").CheckAsync();
        await Hour(plainPage, "profile-hours", "Sunday 15:00").UncheckAsync();
        await plainPage.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await plainPage.GotoAsync(hub.BaseUrl + "/me/profile");
        painted = [.. painted.Except(["Sunday 15:00"]).Append("Friday 08:00")];
        Assert.Equal(painted.Order(), await TickedAsync(plainPage, "profile-hours"));
        await plain.CloseAsync();

        // Noor calls a crew with Pell and Odo; Pell joins it and paints her hours for this crew alone on "find a time".
        await page.GotoAsync(hub.BaseUrl + "/crews/new");
        await page.GetByLabel("Name").FillAsync("Morning crew");
        await page.GetByLabel("What it is for").FillAsync("Peer coaching before work.");
        await page.GetByLabel("Who you invite").FillAsync("pell@test.example\nodo@test.example");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitations" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Morning crew" })).ToBeVisibleAsync();
        var crewUrl = page.Url;
        await AccountSteps.SignInAsync(page, hub.BaseUrl, "pell@test.example", Password, new Uri(crewUrl).AbsolutePath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the crew" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a time together" }).ClickAsync();
        await page.GetByLabel("Your time zone").FillAsync("Europe/Berlin");
        // Pell is on her phone: her finger paints the hours, and the page stays where it is.
        await page.SetViewportSizeAsync(375, 740);
        await Hour(page, "my-hours", "Tuesday 09:00").ScrollIntoViewIfNeededAsync();
        await TouchDragAsync(page, Hour(page, "my-hours", "Tuesday 09:00"), Hour(page, "my-hours", "Tuesday 12:00"));
        Assert.Equal(["Tuesday 09:00", "Tuesday 10:00", "Tuesday 11:00", "Tuesday 12:00"], await TickedAsync(page, "my-hours"));
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my hours" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your hours are saved");
        Assert.Equal(["Tuesday 09:00", "Tuesday 10:00", "Tuesday 11:00", "Tuesday 12:00"], await TickedAsync(page, "my-hours"));

        // The overlap: a count in every cell, the darkest shade where both are free, and a legend. Tuesday is the
        // third column, after Sunday and Monday.
        var tuesday = page.Locator("#overlap-heat tbody tr");
        await Assertions.Expect(tuesday.Nth(10).Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(tuesday.Nth(10).Locator("td").Nth(2)).ToHaveClassAsync("heat-4");
        await Assertions.Expect(tuesday.Nth(12).Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(tuesday.Nth(3).Locator("td").Nth(2)).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".heat-legend")).ToContainTextAsync("all 2 free");
        await Assertions.Expect(page.Locator(".proposals li").First).ToContainTextAsync("Tuesday 09:00–12:00 · 2 of 2 free");
        await browser.CheckPageLightAndDarkAsync("find-a-time-heat");
        await page.GotoAsync(crewUrl);
        await Assertions.Expect(page.Locator("#crew-heat tbody tr").Nth(9).Locator("td").Nth(2)).ToHaveTextAsync("2");
        await browser.CheckPageLightAndDarkAsync("crew-overlap-heat");

        // A phone: the header is one "Menu" button that opens the links; at 1280 px they stand in the bar.
        var gatherings = page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Gatherings", Exact = true });
        await Assertions.Expect(gatherings).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".site-menu > summary")).ToBeHiddenAsync();
        await page.SetViewportSizeAsync(375, 740);
        await Assertions.Expect(gatherings).ToBeHiddenAsync();
        await page.Locator(".site-menu > summary").ClickAsync();
        await Assertions.Expect(gatherings).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await browser.CheckPageLightAndDarkAsync("phone-menu-open");
        await page.SetViewportSizeAsync(375, 740);
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Handbook", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();

        // The handbook on a phone: the chapters and the search wait behind a button above the article.
        var chapters = page.GetByRole(AriaRole.Navigation, new() { Name = "Handbook" });
        await Assertions.Expect(chapters).ToBeHiddenAsync();
        var drawer = page.Locator(".handbook-side > summary");
        await Assertions.Expect(drawer).ToBeInViewportAsync();
        await drawer.ClickAsync();
        await Assertions.Expect(chapters).ToBeVisibleAsync();
        await chapters.GetByRole(AriaRole.Link, new() { Name = "Hosting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hosting", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(chapters).ToBeHiddenAsync();
        await drawer.ClickAsync();
        await Assertions.Expect(chapters.Locator("a[aria-current=page]")).ToHaveTextAsync("Hosting");
        await page.SetViewportSizeAsync(1280, 800);
        await browser.CheckPageLightAndDarkAsync("handbook-drawer-open");
        await page.SetViewportSizeAsync(375, 740);
        await page.GetByLabel("Search the handbook").FillAsync("evening");
        await page.GetByLabel("Search the handbook").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 800);
    }
}
