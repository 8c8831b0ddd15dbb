using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

[Authorize]
public sealed class NewCongregationModel(CreateCongregation create, IStringLocalizer<Strings> t) : HubPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Congregations.Validation.Name")]
        [StringLength(120, ErrorMessage = "Congregations.Validation.NameLength")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Congregations.Validation.Purpose")]
        [StringLength(2000, ErrorMessage = "Congregations.Validation.PurposeLength")]
        public string Purpose { get; set; } = "";

        [StringLength(120, ErrorMessage = "Congregations.Validation.PlaceLength")]
        public string? Place { get; set; }

        public bool IsOnline { get; set; }

        [StringLength(200)]
        public string? Languages { get; set; }

        public MembershipPolicy Policy { get; set; } = MembershipPolicy.Request;

        [StringLength(2000)]
        public string? JoinQuestions { get; set; } = "What draws you to this congregation?";

        /// <summary>Where on the network map (optional): a listed city or the two numbers.</summary>
        public string? City { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    // The first question in the host's own language; from then on it is the congregation's to change.
    public void OnGet() => Input.JoinQuestions = t["Congregations.New.DefaultQuestion"];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, slug) = await create.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, new CreateCongregation.Input(
            Input.Name, Input.Purpose, Input.Place ?? "", Input.IsOnline, Input.Languages ?? "", Input.Policy, Input.JoinQuestions ?? "",
            new(Input.City, Input.Latitude, Input.Longitude)), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Input");
            return Page();
        }
        Notice = t["Congregations.Notice.Created"];
        return Redirect($"/congregations/{slug}");
    }
}
