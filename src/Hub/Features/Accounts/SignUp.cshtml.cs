using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class SignUpModel(SignUpPerson signUp, ViewerClock clock) : HubPageModel
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

        /// <summary>Filled from the browser by zone.js; picked from the list without JavaScript.</summary>
        [StringLength(64, ErrorMessage = "Pick a time zone from the list.")]
        public string? TimeZone { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where the person was when they chose to join; only a local address is ever used.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    private string? LocalReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(LocalReturnUrl ?? "/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signUp.RunAsync(new SignUpPerson.Input(Input.DisplayName, Input.Email, Input.Password, LocalReturnUrl,
            string.IsNullOrWhiteSpace(Input.TimeZone) ? clock.BrowserZoneId : Input.TimeZone), cancellationToken);
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
