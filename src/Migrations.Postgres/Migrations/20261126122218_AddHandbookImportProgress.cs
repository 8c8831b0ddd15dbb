using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddHandbookImportProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CancelRequested",
                table: "HandbookImports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "HandbookImports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FilesRead",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FilesTotal",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PagesIndexed",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PagesRendered",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PagesTotal",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "HandbookImports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "HandbookImports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "HandbookSync",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Interval = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RunningImportId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookSync", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "HandbookSync",
                columns: new[] { "Id", "ClaimedUntil", "Interval", "NextDueAt", "RunningImportId" },
                values: new object[] { 1, null, "Off", null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandbookSync");

            migrationBuilder.DropColumn(
                name: "CancelRequested",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "FilesRead",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "FilesTotal",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "PagesIndexed",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "PagesRendered",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "PagesTotal",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "HandbookImports");
        }
    }
}
