using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ResetPasswordModel(ResetPassword reset, IStringLocalizer<Strings> strings) : HubPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Accounts.Validation.NewPassword")]
    [StringLength(200, ErrorMessage = "Validation.PasswordLength")]
    public string Password { get; set; } = "";

    public string? LinkMessage { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || AccountLinks.DecodeToken(Code) is null)
        {
            LinkMessage = strings["Accounts.Reset.Broken"];
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
            Notice = strings["Accounts.Reset.Saved"];
            return Redirect("/account/sign-in");
        }
        if (result.LinkProblem is { } problem)
        {
            LinkMessage = strings[problem == LinkProblem.Expired ? "Accounts.Reset.Expired" : "Accounts.Reset.Broken"];
            return Page();
        }
        foreach (var error in result.PasswordErrors)
        {
            ModelState.AddModelError(nameof(Password), error);
        }
        return Page();
    }
}
