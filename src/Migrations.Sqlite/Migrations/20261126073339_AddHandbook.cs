using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    PagesAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    Problems = table.Column<string>(type: "TEXT", nullable: false),
                    ProblemCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandbookPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourcePath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Cover = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    PlainText = table.Column<string>(type: "TEXT", nullable: false),
                    Outline = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InSummary = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookPages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Handbooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceIsGit = table.Column<bool>(type: "INTEGER", nullable: false),
                    EditUrlPrefix = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NavigationJson = table.Column<string>(type: "TEXT", nullable: false),
                    RedirectsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LicenceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LicenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            // Full-text search with English stemming; the importer keeps it in step with HandbookPages.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE HandbookSearch USING fts5(Path UNINDEXED, Title, Body, tokenize='porter unicode61');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS HandbookSearch;");
            migrationBuilder.DropTable(
                name: "HandbookImports");

            migrationBuilder.DropTable(
                name: "HandbookPages");

            migrationBuilder.DropTable(
                name: "Handbooks");
        }
    }
}
