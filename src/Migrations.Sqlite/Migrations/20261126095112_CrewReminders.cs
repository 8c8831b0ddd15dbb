using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CrewReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RetrospectiveNoticeTerm",
                table: "Crews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderSentAt",
                table: "CrewMeetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrewMeetings_ReminderSentAt_StartsAt",
                table: "CrewMeetings",
                columns: new[] { "ReminderSentAt", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CrewMeetings_ReminderSentAt_StartsAt",
                table: "CrewMeetings");

            migrationBuilder.DropColumn(
                name: "RetrospectiveNoticeTerm",
                table: "Crews");

            migrationBuilder.DropColumn(
                name: "ReminderSentAt",
                table: "CrewMeetings");
        }
    }
}
