using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddFindingATime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PayBy",
                table: "Rsvps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnnouncedAt",
                table: "GatheringEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursToPay",
                table: "GatheringEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "DiscountCodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxUses",
                table: "DiscountCodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Uses",
                table: "DiscountCodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AvailabilityMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupKind = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Grid = table.Column<string>(type: "TEXT", maxLength: 168, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FoundTimes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupKind = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoundTimes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityMarks_GroupKind_GroupId_UserId",
                table: "AvailabilityMarks",
                columns: new[] { "GroupKind", "GroupId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FoundTimes_EventId",
                table: "FoundTimes",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_FoundTimes_GroupKind_GroupId",
                table: "FoundTimes",
                columns: new[] { "GroupKind", "GroupId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilityMarks");

            migrationBuilder.DropTable(
                name: "FoundTimes");

            migrationBuilder.DropColumn(
                name: "PayBy",
                table: "Rsvps");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "HoursToPay",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "DiscountCodes");

            migrationBuilder.DropColumn(
                name: "MaxUses",
                table: "DiscountCodes");

            migrationBuilder.DropColumn(
                name: "Uses",
                table: "DiscountCodes");
        }
    }
}
