package org.drcc.demoapp.web;

record DeployRequest(String release) {
}
