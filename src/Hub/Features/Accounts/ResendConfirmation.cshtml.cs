using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ResendConfirmationModel(SendConfirmationLink send) : HubPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Accounts.Validation.SignUpEmail")]
    [EmailAddress(ErrorMessage = "Validation.EmailFormat")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await send.RunAsync(Email);
        Sent = true;
        return Page();
    }
}
