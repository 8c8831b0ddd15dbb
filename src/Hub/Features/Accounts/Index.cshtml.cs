using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[Authorize]
public sealed class AccountModel(UserManager<HubUser> users, AccountSessions sessions, RequestEmailChange changeEmail, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Accounts.Validation.NewEmail")]
        [EmailAddress(ErrorMessage = "Validation.EmailFormat")]
        [StringLength(254)]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Accounts.Validation.PasswordToChange")]
        public string Password { get; set; } = "";
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Accounts.Validation.CurrentPassword")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Accounts.Validation.NewPassword")]
        [StringLength(200)]
        public string New { get; set; } = "";
    }

    public HubUser Person { get; private set; } = null!;

    /// <summary>Where the person is signed in, this device first.</summary>
    public IReadOnlyList<AccountSessions.Device> Devices { get; private set; } = [];

    [BindProperty]
    public EmailInput Email { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        Person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        Devices = await sessions.ListAsync(User);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutOthersAsync()
    {
        var ended = await sessions.EndOthersAsync(User);
        Notice = ended == 0 ? strings["Accounts.Index.SignedInHereOnly"] : strings.Plural("Accounts.Index.SignedOutOthers", ended);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync()
    {
        Person = (await users.GetUserAsync(User))!;
        Devices = await sessions.ListAsync(User);
        if (!ValidateOnly(Email, nameof(Email)))
        {
            return Page();
        }
        var result = await changeEmail.RunAsync(Person, Email.NewEmail, Email.Password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError($"Email.{result.Field}", result.Message);
            return Page();
        }
        Notice = strings["Accounts.Index.LinkSent", Email.NewEmail.Trim()];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        Person = (await users.GetUserAsync(User))!;
        Devices = await sessions.ListAsync(User);
        if (!ValidateOnly(Password, nameof(Password)))
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(Person, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Current" : "Password.New";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        // Every other device (and any copy of this one's cookie) is signed out; this one carries on.
        await sessions.RenewAsync(Person);
        Notice = strings["Accounts.Index.PasswordSaved"];
        return RedirectToPage();
    }

    /// <summary>Two forms share the page; only the submitted one is validated.</summary>
    private bool ValidateOnly(object input, string prefix)
    {
        ModelState.Clear();
        return TryValidateModel(input, prefix);
    }
}
