using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddHandbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HandbookImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    PagesAdded = table.Column<int>(type: "integer", nullable: false),
                    PagesChanged = table.Column<int>(type: "integer", nullable: false),
                    PagesRemoved = table.Column<int>(type: "integer", nullable: false),
                    PagesUnchanged = table.Column<int>(type: "integer", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    Problems = table.Column<string>(type: "text", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandbookPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourcePath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Cover = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false),
                    Markdown = table.Column<string>(type: "text", nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    PlainText = table.Column<string>(type: "text", nullable: false),
                    Outline = table.Column<string>(type: "text", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    ParentPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    InSummary = table.Column<bool>(type: "boolean", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookPages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Handbooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SourceIsGit = table.Column<bool>(type: "boolean", nullable: false),
                    EditUrlPrefix = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NavigationJson = table.Column<string>(type: "text", nullable: false),
                    RedirectsJson = table.Column<string>(type: "text", nullable: false),
                    Author = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LicenceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LicenceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handbooks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandbookImports_StartedAt",
                table: "HandbookImports",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HandbookPages_Order",
                table: "HandbookPages",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_HandbookPages_Path",
                table: "HandbookPages",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HandbookPages_SourcePath",
                table: "HandbookPages",
                column: "SourcePath",
                unique: true);

            // Full-text search with English stemming over the same expression the search query uses.
            migrationBuilder.Sql("CREATE INDEX \"IX_HandbookPages_Search\" ON \"HandbookPages\" USING GIN (to_tsvector('english', \"Title\" || ' ' || \"PlainText\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandbookImports");

            migrationBuilder.DropTable(
                name: "HandbookPages");

            migrationBuilder.DropTable(
                name: "Handbooks");
        }
    }
}
