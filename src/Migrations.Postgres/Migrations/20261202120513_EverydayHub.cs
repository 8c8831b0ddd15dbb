using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EverydayHub : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_ReversesEntryId",
                table: "LedgerEntries");

            migrationBuilder.AddColumn<string>(
                name: "PaymentReference",
                table: "Tickets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Pledges",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "About",
                table: "Notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DoneAt",
                table: "Notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderPaymentId",
                table: "LedgerEntries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TicketId",
                table: "LedgerEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverFile",
                table: "GatheringEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CoverFile",
                table: "Congregations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "BankAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AccountHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    Bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Instructions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResultUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notice = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_PaymentReference",
                table: "Tickets",
                column: "PaymentReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Reference",
                table: "Pledges",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_About",
                table: "Notifications",
                column: "About");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ProviderPaymentId",
                table: "LedgerEntries",
                column: "ProviderPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversesEntryId",
                table: "LedgerEntries",
                column: "ReversesEntryId",
                unique: true,
                filter: "\"ExternalId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TicketId",
                table: "LedgerEntries",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_BankAccounts_Currency",
                table: "BankAccounts",
                column: "Currency",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_SubmittedAt",
                table: "FormSubmissions",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankAccounts");

            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_PaymentReference",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Pledges_Reference",
                table: "Pledges");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_About",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_ProviderPaymentId",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_ReversesEntryId",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_TicketId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "PaymentReference",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "About",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DoneAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ProviderPaymentId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "TicketId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "CoverFile",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "CoverFile",
                table: "Congregations");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversesEntryId",
                table: "LedgerEntries",
                column: "ReversesEntryId",
                unique: true);
        }
    }
}
