using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ResetPasswordModel(ResetPassword reset) : HubPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, ErrorMessage = "Keep the password under 200 characters.")]
    public string Password { get; set; } = "";

    public string? LinkMessage { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || AccountLinks.DecodeToken(Code) is null)
        {
            LinkMessage = BrokenLink;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await reset.RunAsync(UserId, Code, Password);
        if (result.Succeeded)
        {
            Notice = "Your new password is saved. Sign in with it now.";
            return Redirect("/account/sign-in");
        }
        if (result.LinkProblem is { } problem)
        {
            LinkMessage = problem == LinkProblem.Expired
                ? "This link has expired. Reset links work for a limited time; ask for a new one."
                : BrokenLink;
            return Page();
        }
        foreach (var error in result.PasswordErrors)
        {
            ModelState.AddModelError(nameof(Password), error);
        }
        return Page();
    }

    private const string BrokenLink = "This link does not work: it was used already, or it is incomplete. Ask for a new one.";
}
