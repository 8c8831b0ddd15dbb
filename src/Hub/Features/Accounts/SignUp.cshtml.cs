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
        [Required(ErrorMessage = "Validation.Name")]
        [StringLength(100, ErrorMessage = "Validation.NameLength")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.EnterEmail")]
        [EmailAddress(ErrorMessage = "Validation.EmailFormatSignUp")]
        [StringLength(254, ErrorMessage = "Validation.EmailLength")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.ChoosePassword")]
        [StringLength(200, ErrorMessage = "Validation.PasswordLength")]
        public string Password { get; set; } = "";

        /// <summary>Filled from the browser by zone.js; picked from the list without JavaScript.</summary>
        [StringLength(64, ErrorMessage = "Validation.ZoneLength")]
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
