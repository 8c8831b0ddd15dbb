using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>Joining and signing in as a person would, shared by every journey that needs several people.</summary>
internal static class AccountSteps
{
    /// <summary>Signs up through the form and follows the confirmation link from the email; the person is then signed in.</summary>
    public static async Task SignUpAsync(IPage page, string baseUrl, SmtpSink smtp, string name, string email, string password)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"{baseUrl}/account/sign-up");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.GotoAsync(SmtpSink.LinkIn(await smtp.WaitForAsync(email, "Confirm your email"), "/account/confirm-email"));
    }

    /// <summary>Signs in as someone else (cookies cleared first) and lands on <paramref name="then"/>.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password, string then)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"{baseUrl}/account/sign-in?returnUrl={Uri.EscapeDataString(then)}");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Off the sign-in page before the journey goes on (a retrying check of the address). Waiting for the next
        // page's load event here once timed out when that event had already fired; what a journey then reads
        // on the page it reads with retrying assertions.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }
}
