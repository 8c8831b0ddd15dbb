namespace Microsolidarity.Hub.Features.Boards;

/// <summary>
/// Mastery boards and task boards for crews, working groups and congregations (/crews/{id}/board,
/// /congregations/{slug}/board, /congregations/{slug}/working-groups/{group}/board).
/// </summary>
public static class BoardsFeature
{
    public static WebApplicationBuilder AddBoards(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadBoard>();
        builder.Services.AddScoped<AddBoardCard>();
        builder.Services.AddScoped<MoveBoardCard>();
        builder.Services.AddScoped<RemoveBoardCard>();
        builder.Services.AddScoped<Platform.Contracts.IPersonalData, BoardPersonalData>();
        return builder;
    }
}
