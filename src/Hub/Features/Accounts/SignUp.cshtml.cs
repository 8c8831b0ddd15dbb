using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class SignUpModel(SignUpPerson signUp) : HubPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Tell us what to call you.")]
        [StringLength(100, ErrorMessage = "Keep your name under 100 characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "This does not look like an email address; check for a missing @ or a typo.")]
        [StringLength(254, ErrorMessage = "Email addresses are at most 254 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, ErrorMessage = "Keep the password under 200 characters.")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/account") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signUp.RunAsync(new SignUpPerson.Input(Input.DisplayName, Input.Email, Input.Password), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field == "" ? "" : $"Input.{field}", message);
            }
            return Page();
        }
        TempData["SignedUpEmail"] = Input.Email.Trim();
        return RedirectToPage("/Features/Accounts/CheckEmail");
    }
}
